package com.orbitcrm.deals.app;

import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineDraft;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Rank;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.port.Deals;
import com.orbitcrm.deals.port.Pipelines;
import com.orbitcrm.deals.port.Pipelines.Stored;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.app.WorkspaceCalendar;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's pipelines as admins define them (Settings → Pipelines, {@code /api/crm/pipelines}):
 * create, rename, reorder, archive, make default; per pipeline its stages with their kinds, probabilities
 * and entry requirements. Everyone reads; admins write. Removing a stage that holds deals moves them where
 * the admin says, each through the domain (so the timeline records it), in the same transaction.
 */
@Service
public class PipelineService {

  private final Pipelines pipelines;
  private final Deals deals;
  private final ApplicationEventPublisher events;
  private final WorkspaceCalendar calendar;
  private final Clock clock;

  PipelineService(Pipelines pipelines, Deals deals, ApplicationEventPublisher events, WorkspaceCalendar calendar,
                  Clock clock) {
    this.pipelines = pipelines;
    this.deals = deals;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The live pipelines in order. */
  @Transactional(readOnly = true)
  public List<Stored> list() {
    return pipelines.all(TenantContext.require().tenant());
  }

  @Transactional(readOnly = true)
  public Stored get(PipelineId id) {
    var tenant = TenantContext.require().tenant();
    return pipelines.all(tenant).stream().filter(p -> p.pipeline().id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("Pipeline"));
  }

  /** Live deals per stage key of a pipeline (what removing a stage would move). */
  @Transactional(readOnly = true)
  public Map<String, Long> counts(PipelineId id) {
    var tenant = TenantContext.require().tenant();
    Pipeline pipeline = get(id).pipeline();
    return deals.totals(tenant, pipeline, BoardFilter.none(), null).stream()
        .collect(Collectors.groupingBy(ColumnTotal::stage, Collectors.summingLong(ColumnTotal::count)));
  }

  /** A new pipeline, last in order; the first one a workspace makes by hand is never the default. */
  @Transactional
  public Stored create(PipelineDraft draft) {
    var tenant = TenantContext.requireAdmin().tenant();
    Pipeline pipeline = draft.define(new PipelineId(UUID.randomUUID()));
    pipelines.create(tenant, pipeline, false);
    return get(pipeline.id());
  }

  /**
   * Renames the pipeline and sets its stages as listed (in order): stages keep their keys, new ones get
   * one, those left out are removed. A removed stage's deals go to {@code moveTo.get(key)}, a stage of the
   * new list; a stage holding live deals cannot change its kind (their probabilities and close dates
   * follow from it).
   *
   * @param expectedVersion the version the admin edited, {@literal null} to skip the check.
   * @throws ConflictException when the pipeline changed since {@code expectedVersion}.
   */
  @Transactional
  public Stored update(PipelineId id, @Nullable Integer expectedVersion, PipelineDraft draft,
                       Map<String, String> moveTo) {
    var scope = TenantContext.requireAdmin();
    TenantId tenant = scope.tenant();
    Stored current = pipelines.lock(tenant, id).orElseThrow(() -> new NotFoundException("Pipeline"));
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new ConflictException("This pipeline was changed by someone else (version " + current.version()
          + ", you had " + expectedVersion + "): reload it and try again");
    }
    Pipeline next = draft.define(id);
    Pipeline before = current.pipeline();
    List<Stage> removed = before.stages().stream().filter(s -> next.stage(s.key()).isEmpty()).toList();
    // Deals arriving in a removed stage meanwhile wait for this transaction, then fail (409).
    removed.forEach(s -> pipelines.lockStage(tenant, id, s.key()));
    Map<String, Long> counts = deals.totals(tenant, before, BoardFilter.none(), null).stream()
        .collect(Collectors.groupingBy(ColumnTotal::stage, Collectors.summingLong(ColumnTotal::count)));
    var problems = new ArrayList<FieldViolation>();
    for (Stage s : next.stages()) {
      var old = before.stage(s.key());
      if (old.isPresent() && old.get().kind() != s.kind() && counts.getOrDefault(s.key(), 0L) > 0) {
        problems.add(new FieldViolation("stages[" + (s.order() - 1) + "].kind", "cannot change while "
            + old.get().label() + " holds deals: move them first"));
      }
    }
    for (Stage s : removed) {
      String target = moveTo.get(s.key());
      if (target == null && counts.getOrDefault(s.key(), 0L) > 0) {
        problems.add(new FieldViolation("moveTo." + s.key(), s.label() + " holds " + counts.get(s.key())
            + " deals: choose the stage they move to"));
      } else if (target != null && next.stage(target).isEmpty()) {
        problems.add(new FieldViolation("moveTo." + s.key(), "must be a stage of the pipeline: one of "
            + String.join(", ", next.keys())));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    pipelines.update(tenant, next);
    var today = calendar.today();
    var now = clock.instant();
    for (Stage s : removed) {
      Stage target = Optional.ofNullable(moveTo.get(s.key())).flatMap(next::stage)
          .orElseGet(() -> next.counterpart(s).orElse(next.first()));
      String last = deals.lastRank(tenant, next, target.key(), null).orElse(null);
      for (Deal deal : deals.inStage(tenant, before, s.key())) {
        last = Rank.between(last, null);
        var moved = deal.relocate(next, target, last, "Stage " + s.label() + " was removed", scope.user(), today, now);
        if (!deals.update(moved.deal())) {
          throw new ConflictException("A deal of " + s.label() + " changed meanwhile: try again");
        }
        if (moved.event() != null) {
          events.publishEvent(moved.event());
        }
      }
      deals.moveTrashed(tenant, next, s.key(), target.key());
    }
    pipelines.removeStages(tenant, id, removed.stream().map(Stage::key).toList());
    return get(id);
  }

  /** Archives a pipeline without live deals; the default one stays. */
  @Transactional
  public void archive(PipelineId id) {
    var tenant = TenantContext.requireAdmin().tenant();
    Stored current = pipelines.lock(tenant, id).orElseThrow(() -> new NotFoundException("Pipeline"));
    if (current.isDefault()) {
      throw InvalidInputException.of("isDefault", "the default pipeline cannot be archived: make another the default first");
    }
    long live = deals.countOn(tenant, current.pipeline());
    if (live > 0) {
      throw InvalidInputException.of("deals", "this pipeline holds " + live
          + " deals: move them to another pipeline first");
    }
    pipelines.archive(tenant, id);
  }

  /** Makes the pipeline the workspace's default (the one API clients without a pipelineId use). */
  @Transactional
  public Stored makeDefault(PipelineId id) {
    var tenant = TenantContext.requireAdmin().tenant();
    pipelines.lock(tenant, id).orElseThrow(() -> new NotFoundException("Pipeline"));
    pipelines.makeDefault(tenant, id);
    return get(id);
  }

  /** Moves a pipeline one place up ({@code -1}) or down ({@code +1}) in the list. */
  @Transactional
  public List<Stored> move(PipelineId id, int step) {
    var tenant = TenantContext.requireAdmin().tenant();
    var order = new ArrayList<>(pipelines.all(tenant).stream().map(p -> p.pipeline().id()).toList());
    int at = order.indexOf(id);
    if (at < 0) {
      throw new NotFoundException("Pipeline");
    }
    int to = Math.max(0, Math.min(order.size() - 1, at + Integer.signum(step)));
    order.add(to, order.remove(at));
    pipelines.reorder(tenant, order);
    return pipelines.all(tenant);
  }

  /** The pipeline the current member's board shows: their last choice, else the default one. */
  @Transactional(readOnly = true)
  public PipelineId chosen() {
    var scope = TenantContext.require();
    Optional<PipelineId> choice = scope.user() == null ? Optional.empty()
        : pipelines.choice(scope.tenant(), scope.user());
    return choice.orElseGet(() -> pipelines.findDefault(scope.tenant()).orElseThrow().id());
  }

  /** Remembers the pipeline the current member's board shows. */
  @Transactional
  public void choose(PipelineId id) {
    var scope = TenantContext.require();
    pipelines.find(scope.tenant(), id).orElseThrow(() -> new NotFoundException("Pipeline"));
    if (scope.user() != null) {
      pipelines.choose(scope.tenant(), scope.user(), id);
    }
  }
}
