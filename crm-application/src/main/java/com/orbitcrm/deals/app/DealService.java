package com.orbitcrm.deals.app;

import com.orbitcrm.clients.Clients;
import com.orbitcrm.deals.BoardColumn;
import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealPage;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.Deals;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.Rank;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.Workspaces;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals of the current workspace: list, read, create, edit, move along the pipeline (publishing
 * {@link com.orbitcrm.deals.DealStageChanged}), trash and restore. Everyone reads; members and above write.
 */
@Service
public class DealService {

  private final Deals deals;
  private final Clients clients;
  private final Workspaces workspaces;
  private final ApplicationEventPublisher events;
  private final Pipeline pipeline = Pipeline.standard();
  private final Clock clock = Clock.systemUTC();
  private static final String PLACE_GONE =
      "The cards around that place moved meanwhile: the board was reloaded, try again";

  DealService(Deals deals, Clients clients, Workspaces workspaces, ApplicationEventPublisher events) {
    this.deals = deals;
    this.clients = clients;
    this.workspaces = workspaces;
    this.events = events;
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  @Transactional(readOnly = true)
  public DealPage list(DealQuery query) {
    var scope = query.trashed() ? TenantContext.requireAdmin() : TenantContext.require();
    return deals.find(scope.tenant(), query);
  }

  @Transactional(readOnly = true)
  public Deal get(DealId id) {
    return deals.find(TenantContext.requireTenant(), id)
        .filter(d -> d.deletedAt() == null)
        .orElseThrow(() -> new NotFoundException("Deal"));
  }

  /**
   * @param stageKey {@literal null} for the pipeline's first stage.
   * @param probability {@literal null} for the stage's default.
   */
  @Transactional
  public Deal create(DealDraft draft, @Nullable String stageKey, @Nullable Integer probability,
                     @Nullable String lostReason) {
    var scope = TenantContext.requireWriter();
    DealDetails details = DealDetails.from(draft);
    requireReferences(scope.tenant(), details, null);
    Stage stage = stageKey == null ? pipeline.first() : stage(stageKey);
    if (probability != null && (probability < 0 || probability > 100)) {
      throw InvalidInputException.of("probability", "must be between 0 and 100");
    }
    DealProgress progress = DealProgress.start(stage, probability, lostReason, today());
    BigDecimal rank = Rank.between(deals.lastRank(scope.tenant(), stage.key(), null).orElse(null), null);
    var now = clock.instant();
    var deal = new Deal(new DealId(UUID.randomUUID()), scope.tenant(), details, progress, rank, scope.user(), now,
        now, null, 0);
    deals.insert(deal);
    return get(deal.id());
  }

  /**
   * Applies {@code change} to the deal's fields, and a probability set by hand if given.
   *
   * @param expectedVersion the version the caller edited; {@literal null} to skip the check.
   */
  @Transactional
  public Deal update(DealId id, @Nullable Integer expectedVersion, UnaryOperator<DealDraft> change,
                     @Nullable Integer probability) {
    return update(id, expectedVersion, change, probability, null, null);
  }

  /**
   * As {@link #update(DealId, Integer, UnaryOperator, Integer)}, then moves the deal to {@code stageKey}
   * (at the end of its column) if that is another stage — all or nothing: a move the stage machine refuses
   * (closed_lost without a reason) leaves the fields unchanged too.
   */
  @Transactional
  public Deal update(DealId id, @Nullable Integer expectedVersion, UnaryOperator<DealDraft> change,
                     @Nullable Integer probability, @Nullable String stageKey, @Nullable String lostReason) {
    Deal edited = edit(id, expectedVersion, change, probability);
    if (stageKey != null && !stageKey.equals(edited.progress().stage().key())) {
      return move(id, stageKey, null, lostReason, null);
    }
    return edited;
  }

  private Deal edit(DealId id, @Nullable Integer expectedVersion, UnaryOperator<DealDraft> change,
                    @Nullable Integer probability) {
    TenantContext.requireWriter();
    Deal current = get(id);
    requireVersion(current, expectedVersion);
    DealDetails details = DealDetails.from(change.apply(DealDraft.of(current.details())));
    requireReferences(current.tenant(), details, current.details());
    Deal next = current.edit(details, clock.instant());
    if (probability != null && probability != current.progress().probability()) {
      next = next.withProgress(next.progress().withProbability(probability), clock.instant());
    }
    if (!deals.update(next)) {
      throw stale();
    }
    return get(id);
  }

  /**
   * Moves a deal to {@code stageKey}, at {@code position} (0-based) in that column or at its end.
   *
   * @throws ConflictException when the deal changed since {@code expectedVersion}, or its new place was
   *     taken by a concurrent move.
   */
  @Transactional
  public Deal move(DealId id, String stageKey, @Nullable Integer position, @Nullable String lostReason,
                   @Nullable Integer expectedVersion) {
    var scope = TenantContext.requireWriter();
    Deal current = get(id);
    requireVersion(current, expectedVersion);
    Stage target = stage(stageKey);
    if (position != null && position < 0) {
      throw InvalidInputException.of("position", "must be 0 or more");
    }
    BigDecimal rank = rank(scope.tenant(), target, position, current);
    return place(current, target, rank, lostReason, scope.user());
  }

  /**
   * Moves a deal to {@code stageKey} between the cards {@code above} and {@code below} as the board
   * showed them (either may be absent: the top or the end of the column). The board may be filtered, so
   * cards it hides can lie between the two; the deal goes right below {@code above} (or right above
   * {@code below}).
   *
   * @throws ConflictException when the deal changed since {@code expectedVersion}, or a neighbour moved
   *     away meanwhile so the place no longer exists.
   */
  @Transactional
  public Deal moveBetween(DealId id, String stageKey, @Nullable DealId above, @Nullable DealId below,
                          @Nullable String lostReason, @Nullable Integer expectedVersion) {
    var scope = TenantContext.requireWriter();
    Deal current = get(id);
    requireVersion(current, expectedVersion);
    Stage target = stage(stageKey);
    BigDecimal upper = above == null ? null : neighbourRank(above, target, id);
    BigDecimal lower = below == null ? null : neighbourRank(below, target, id);
    BigDecimal rank;
    if (upper != null && lower != null) {
      if (upper.compareTo(lower) >= 0) {
        throw new ConflictException(PLACE_GONE);
      }
      rank = Rank.between(upper, lower);
    } else if (upper != null) {
      rank = Rank.between(upper, deals.adjacentRank(scope.tenant(), target.key(), upper, true, id).orElse(null));
    } else if (lower != null) {
      rank = Rank.between(deals.adjacentRank(scope.tenant(), target.key(), lower, false, id).orElse(null), lower);
    } else {
      rank = rank(scope.tenant(), target, null, current);
    }
    return place(current, target, rank, lostReason, scope.user());
  }

  /** Moves {@code current} to {@code target} at {@code rank}, saves it and publishes the stage change. */
  private Deal place(Deal current, Stage target, BigDecimal rank, @Nullable String lostReason,
                     @Nullable UserId by) {
    var moved = current.moveTo(target, rank, lostReason, by, today(), clock.instant());
    if (!deals.update(moved.deal())) {
      throw stale();
    }
    if (moved.event() != null) {
      events.publishEvent(moved.event());
    }
    return get(current.id());
  }

  private BigDecimal neighbourRank(DealId neighbour, Stage target, DealId moving) {
    if (neighbour.equals(moving)) {
      throw InvalidInputException.of("position", "a deal cannot be its own neighbour");
    }
    return deals.find(TenantContext.requireTenant(), neighbour)
        .filter(d -> d.deletedAt() == null && d.progress().stage().key().equals(target.key()))
        .map(Deal::rank)
        .orElseThrow(() -> new ConflictException(PLACE_GONE));
  }

  /** The board: every column's first {@code perColumn} cards and its totals, under {@code filter}. */
  @Transactional(readOnly = true)
  public List<BoardColumn> board(BoardFilter filter, int perColumn) {
    var tenant = TenantContext.requireTenant();
    Map<String, List<ColumnTotal>> totals = deals.totals(tenant, filter, null).stream()
        .collect(Collectors.groupingBy(ColumnTotal::stage));
    return pipeline.stages().stream()
        .map(stage -> column(tenant, stage, filter, null, perColumn, totals.getOrDefault(stage.key(), List.of())))
        .toList();
  }

  /** More cards of one column, after the rank {@code after}; its totals are left empty. */
  @Transactional(readOnly = true)
  public BoardColumn column(String stageKey, BoardFilter filter, @Nullable BigDecimal after, int limit) {
    return column(TenantContext.requireTenant(), stage(stageKey), filter, after, limit, List.of());
  }

  /** The totals of one column under {@code filter}, per currency. */
  @Transactional(readOnly = true)
  public List<ColumnTotal> totals(String stageKey, BoardFilter filter) {
    return deals.totals(TenantContext.requireTenant(), filter, stage(stageKey).key());
  }

  private BoardColumn column(TenantId tenant, Stage stage, BoardFilter filter, @Nullable BigDecimal after,
                             int limit, List<ColumnTotal> totals) {
    List<Deal> cards = deals.column(tenant, stage.key(), filter, after, limit + 1);
    if (cards.size() <= limit) {
      return new BoardColumn(stage, cards, null, totals);
    }
    List<Deal> page = cards.subList(0, limit);
    return new BoardColumn(stage, page, page.getLast().rank(), totals);
  }

  @Transactional
  public void delete(DealId id) {
    var scope = TenantContext.requireWriter();
    if (!deals.trash(scope.tenant(), id, clock.instant())) {
      throw new NotFoundException("Deal");
    }
  }

  @Transactional
  public Deal restore(DealId id) {
    var scope = TenantContext.requireAdmin();
    Deal deal = deals.find(scope.tenant(), id).orElseThrow(() -> new NotFoundException("Deal"));
    if (deal.deletedAt() == null) {
      return deal;
    }
    if (deal.deletedAt().plus(java.time.Duration.ofDays(Deal.TRASH_DAYS)).isBefore(clock.instant())
        || !deals.restore(scope.tenant(), id)) {
      throw new NotFoundException("Deal");
    }
    return get(id);
  }

  private BigDecimal rank(TenantId tenant, Stage target, @Nullable Integer position, Deal moving) {
    if (position == null) {
      if (!moving.progress().changesStage(target)) {
        return moving.rank();
      }
      return Rank.between(deals.lastRank(tenant, target.key(), moving.id()).orElse(null), null);
    }
    var around = deals.neighbours(tenant, target.key(), position, moving.id());
    if (around.before() == null && around.after() == null) {
      // An empty column, or a position past its end: append.
      return Rank.between(deals.lastRank(tenant, target.key(), moving.id()).orElse(null), null);
    }
    return Rank.between(around.before(), around.after());
  }

  private Stage stage(String key) {
    return pipeline.stage(key).orElseThrow(() ->
        InvalidInputException.of("stage", "must be one of " + String.join(", ", pipeline.keys())));
  }

  private void requireReferences(TenantId tenant, DealDetails details, @Nullable DealDetails before) {
    if (details.clientId() != null && (before == null || !details.clientId().equals(before.clientId()))
        && clients.find(tenant, details.clientId()).filter(c -> !c.trashed()).isEmpty()) {
      throw InvalidInputException.of("clientId", "is not a client of this workspace");
    }
    if (details.ownerId() != null && (before == null || !details.ownerId().equals(before.ownerId()))
        && workspaces.roleOf(tenant, details.ownerId()).isEmpty()) {
      throw InvalidInputException.of("ownerId", "is not a member of this workspace");
    }
  }

  private static void requireVersion(Deal current, @Nullable Integer expected) {
    if (expected != null && expected != current.version()) {
      throw new ConflictException("This deal was changed by someone else (version " + current.version()
          + ", you had " + expected + "): reload it and try again");
    }
  }

  private static ConflictException stale() {
    return new ConflictException("This deal was changed by someone else: reload it and try again");
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
