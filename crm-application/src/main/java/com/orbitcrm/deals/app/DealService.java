package com.orbitcrm.deals.app;

import com.orbitcrm.clients.Client;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.deals.BoardColumn;
import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealPage;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.deals.DealPurged;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.DealTrashed;
import com.orbitcrm.deals.DealsCreated;
import com.orbitcrm.deals.DealsUpdated;
import com.orbitcrm.platform.BatchItemResult;
import com.orbitcrm.platform.BatchRefused;
import com.orbitcrm.platform.BatchRequest;
import com.orbitcrm.deals.EntryRefused;
import com.orbitcrm.deals.EntryRequirements;
import com.orbitcrm.customfields.FieldDefinition;
import java.util.Optional;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Probability;
import com.orbitcrm.deals.Rank;
import com.orbitcrm.deals.Reached;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.app.DealCommands.CreateDeal;
import com.orbitcrm.deals.app.DealCommands.EditDeal;
import com.orbitcrm.deals.app.DealCommands.Fill;
import com.orbitcrm.deals.app.DealCommands.MoveDeal;
import com.orbitcrm.deals.app.DealCommands.PlaceDeal;
import com.orbitcrm.deals.port.Deals;
import com.orbitcrm.deals.port.Pipelines;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.ExpiringTrash;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.Records;
import com.orbitcrm.platform.RestoreWindow;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.tenancy.app.WorkspaceCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import com.orbitcrm.platform.SearchWords;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals of the current workspace: list, read, create, edit, move along the pipeline (publishing
 * {@link com.orbitcrm.deals.DealStageChanged}), trash and restore. Everyone reads; members and above
 * write. A use case loads, asks the domain, saves and publishes; the rules live in the domain.
 */
@Service
public class DealService implements ExpiringTrash {

  private static final String PLACE_GONE =
      "The cards around that place moved meanwhile: the board was reloaded, try again";

  private final Deals deals;
  private final Pipelines pipelines;
  private final Records records;
  private final MemberService members;
  private final ApplicationEventPublisher events;
  private final WorkspaceCalendar calendar;
  private final CustomFieldService customFields;
  private final Clock clock;

  DealService(Deals deals, Pipelines pipelines, Records records, MemberService members,
              ApplicationEventPublisher events, WorkspaceCalendar calendar, CustomFieldService customFields,
              Clock clock) {
    this.customFields = customFields;
    this.deals = deals;
    this.pipelines = pipelines;
    this.records = records;
    this.members = members;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The current workspace's default pipeline (API clients that name none use it). */
  @Transactional(readOnly = true)
  public Pipeline pipeline() {
    return pipeline(TenantContext.requireTenant());
  }

  /** A live pipeline of this workspace ({@literal null}: the default one); 404 for any other. */
  @Transactional(readOnly = true)
  public Pipeline pipeline(@Nullable PipelineId id) {
    var tenant = TenantContext.requireTenant();
    return id == null ? pipeline(tenant)
        : pipelines.find(tenant, id).orElseThrow(() -> new NotFoundException("Pipeline"));
  }

  /** A pipeline named in a list's filter ({@literal null}: the default one); any other is a 400 on the filter. */
  @Transactional(readOnly = true)
  public Pipeline pipelineFilter(@Nullable PipelineId id) {
    return named(TenantContext.requireTenant(), id);
  }

  /**
   * Count, value and weighted value per stage and currency of the deals {@code query} matches on {@code pipeline},
   * in the pipeline's stage order: the board's column totals for any filter of the deals list.
   */
  @Transactional(readOnly = true)
  public List<ColumnTotal> summary(Pipeline pipeline, DealQuery query) {
    var scope = query.trashed() ? TenantContext.requireAdmin() : TenantContext.require();
    var order = new HashMap<String, Integer>();
    for (Stage stage : pipeline.stages()) {
      order.put(stage.key(), stage.order());
    }
    return deals.summary(scope.tenant(), pipeline, query).stream()
        .sorted(Comparator.<ColumnTotal>comparingInt(t -> order.getOrDefault(t.stage(), Integer.MAX_VALUE))
            .thenComparing(ColumnTotal::currency))
        .toList();
  }

  /** A pipeline named in a body or a form: one of another workspace, or archived, is a 400 on the field. */
  private Pipeline named(TenantId tenant, @Nullable PipelineId id) {
    return id == null ? pipeline(tenant) : pipelines.find(tenant, id).orElseThrow(() ->
        InvalidInputException.of("pipelineId", "is not a pipeline of this workspace"));
  }

  @Transactional(readOnly = true)
  public DealPage list(DealQuery query) {
    var scope = query.trashed() ? TenantContext.requireAdmin() : TenantContext.require();
    return deals.find(scope.tenant(), query);
  }

  /**
   * Every deal the query matches, newest first, with its custom-field values, handed to {@code sink} a chunk at
   * a time from one read of the database (one snapshot, constant memory): an export, whatever its size.
   */
  @Transactional(readOnly = true)
  public void export(DealQuery query, Consumer<DealBatch> sink) {
    var scope = query.trashed() ? TenantContext.requireAdmin() : TenantContext.require();
    deals.each(scope.tenant(), query, EXPORT_CHUNK, chunk -> sink.accept(new DealBatch(chunk,
        customFields.valuesOf(Deal.RECORD_TYPE, chunk.stream().map(d -> d.id().value()).toList()))));
  }

  /** Deals read at a time by an export: large enough that the values' query per chunk is cheap. */
  static final int EXPORT_CHUNK = 2_000;

  /** At most {@code limit} live deals whose words start with the typed words (the command bar). */
  @Transactional(readOnly = true)
  public List<Deal> findByWords(String typed, int limit) {
    return deals.findByWords(TenantContext.requireTenant(), SearchWords.of(typed), Math.clamp(limit, 1, 50));
  }

  /** A live deal of this workspace; 404 for a trashed one, or one of another workspace. */
  @Transactional(readOnly = true)
  public Deal get(DealId id) {
    return deals.find(TenantContext.requireTenant(), id)
        .filter(d -> !d.trashed())
        .orElseThrow(() -> new NotFoundException("Deal"));
  }

  @Transactional
  public Deal create(CreateDeal command) {
    var scope = TenantContext.requireWriter();
    Pipeline pipeline = named(scope.tenant(), command.pipeline());
    List<FieldViolation> problems = new ArrayList<>();
    DealDetails details = collect(() -> checked(command.draft(), command.probability()), problems);
    var values = collect(() -> customFields.check(Deal.RECORD_TYPE, command.customFields(), true), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    requireReferences(details, null);
    Stage stage = command.stage() == null ? pipeline.first() : stage(pipeline, command.stage());
    var missing = stage.missingOnEntry(details, named(values), command.lostReason());
    if (!missing.isEmpty()) {
      throw new EntryRefused(stage, missing);
    }
    var now = clock.instant();
    ZoneId zone = calendar.zone();
    var history = DealProgress.historyProblems(stage, command.createdAt(), command.closedOn(), now, zone);
    if (!history.isEmpty()) {
      throw new InvalidInputException(history);
    }
    DealProgress progress = DealProgress.start(stage, probability(command.probability()), command.lostReason(),
        command.closedOn(), LocalDate.ofInstant(now, zone));
    // Appends to a column take turns, so that a create never fails on a place another create took at once.
    deals.holdColumnEnd(scope.tenant(), pipeline, stage.key());
    String rank = Rank.between(deals.lastRank(scope.tenant(), pipeline, stage.key(), null).orElse(null), null);
    var created = command.createdAt() == null ? now : command.createdAt();
    var deal = new Deal(new DealId(UUID.randomUUID()), scope.tenant(), pipeline.id(), details, progress, rank,
        Reached.start(pipeline, stage, LocalDate.ofInstant(created, zone), progress.actualCloseDate()),
        scope.user(), created, now, null, 0);
    deals.insert(deal);
    customFields.write(Deal.RECORD_TYPE, deal.id().value(), values);
    events.publishEvent(new DealsCreated(scope.tenant(), List.of(deal.id()), scope.user(), now));
    return get(deal.id());
  }

  /** What became of one deal of a batch: the deal written, or the problems that refused it (nothing written). */
  public record Written(@Nullable DealId id, List<FieldViolation> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Creates the valid ones of {@code commands} with every rule of {@link #create(CreateDeal)} (fields, custom
   * fields, probability, the stage machine and the history's dates, the client and owner of this workspace),
   * at the end of their columns in file order, in one insert; the others are answered with their problems.
   *
   * @param dryRun check only: answers as if written, writes nothing.
   */
  @Transactional
  public List<Written> createAll(List<CreateDeal> commands, boolean dryRun) {
    var scope = TenantContext.requireWriter();
    Pipeline defaultPipeline = pipeline(scope.tenant());
    Map<PipelineId, Pipeline> namedPipelines = new java.util.HashMap<>();
    var checkedValues = customFields.checkAll(Deal.RECORD_TYPE,
        commands.stream().map(CreateDeal::customFields).toList(), true);
    var memberIds = new java.util.HashSet<UserId>();
    members.members().forEach(m -> memberIds.add(m.user()));
    var now = clock.instant();
    ZoneId zone = calendar.zone();
    LocalDate today = LocalDate.ofInstant(now, zone);
    List<DealDetails> details = new ArrayList<>(commands.size());
    List<List<FieldViolation>> problems = new ArrayList<>(commands.size());
    var clientRefs = new java.util.LinkedHashSet<RecordRef>();
    for (int i = 0; i < commands.size(); i++) {
      var command = commands.get(i);
      List<FieldViolation> own = new ArrayList<>(checkedValues.get(i).problems());
      DealDetails d = collect(() -> checked(command.draft(), command.probability()), own);
      details.add(d);
      problems.add(own);
      if (d != null && d.clientId() != null) {
        clientRefs.add(new RecordRef(Client.RECORD_TYPE, d.clientId().value()));
      }
    }
    var liveClients = records.find(clientRefs).keySet();
    Map<String, String> lastRanks = new java.util.HashMap<>();
    var lockedPipelines = new java.util.HashSet<PipelineId>();
    List<Written> out = new ArrayList<>(commands.size());
    List<Deal> toInsert = new ArrayList<>(commands.size());
    Map<UUID, Map<com.orbitcrm.customfields.FieldDefinition, java.util.Optional<FieldValue>>> values =
        new java.util.LinkedHashMap<>();
    for (int i = 0; i < commands.size(); i++) {
      var command = commands.get(i);
      DealDetails d = details.get(i);
      List<FieldViolation> own = problems.get(i);
      if (d != null && d.clientId() != null
          && !liveClients.contains(new RecordRef(Client.RECORD_TYPE, d.clientId().value()))) {
        own.add(new FieldViolation("clientId", "is not a client of this workspace"));
      }
      if (d != null && d.ownerId() != null && !memberIds.contains(d.ownerId())) {
        own.add(new FieldViolation("ownerId", "is not a member of this workspace"));
      }
      Pipeline pipeline = command.pipeline() == null ? defaultPipeline : namedPipelines.computeIfAbsent(
          command.pipeline(), id -> pipelines.find(scope.tenant(), id).orElse(null));
      if (pipeline == null) {
        own.add(new FieldViolation("pipelineId", "is not a pipeline of this workspace"));
        out.add(new Written(null, own));
        continue;
      }
      Stage stage = command.stage() == null ? pipeline.first() : collect(() -> stage(pipeline, command.stage()), own);
      DealProgress progress = null;
      if (stage != null) {
        own.addAll(DealProgress.historyProblems(stage, command.createdAt(), command.closedOn(), now, zone));
        if (own.isEmpty() && d != null) {
          // The stage's entry requirements (a lost stage: a reason), as for a deal created one at a time.
          own.addAll(stage.missingOnEntry(d, named(checkedValues.get(i).values()), command.lostReason()));
        }
        if (own.isEmpty()) {
          progress = collect(() -> DealProgress.start(stage, probability(command.probability()),
              command.lostReason(), command.closedOn(), today), own);
        }
      }
      if (!own.isEmpty() || progress == null) {
        out.add(new Written(null, own.isEmpty() ? List.of(new FieldViolation("stage", "is required")) : own));
        continue;
      }
      String column = pipeline.id() + "/" + stage.key();
      if (!dryRun && lockedPipelines.add(pipeline.id())) {
        deals.lockColumnEnds(scope.tenant(), pipeline.id());
      }
      String last = lastRanks.computeIfAbsent(column,
          k -> deals.lastRank(scope.tenant(), pipeline, stage.key(), null).orElse(null));
      String rank = Rank.between(last, null);
      lastRanks.put(column, rank);
      var created = command.createdAt() == null ? now : command.createdAt();
      var deal = new Deal(new DealId(UUID.randomUUID()), scope.tenant(), pipeline.id(), d, progress, rank,
          Reached.start(pipeline, stage, LocalDate.ofInstant(created, zone), progress.actualCloseDate()),
          scope.user(), created, now, null, 0);
      toInsert.add(deal);
      if (!checkedValues.get(i).values().isEmpty()) {
        values.put(deal.id().value(), checkedValues.get(i).values());
      }
      out.add(new Written(deal.id(), List.of()));
    }
    if (!dryRun && !toInsert.isEmpty()) {
      deals.insertAll(toInsert);
      customFields.writeNew(Deal.RECORD_TYPE, values);
      events.publishEvent(new DealsCreated(scope.tenant(), toInsert.stream().map(Deal::id).toList(), scope.user(),
          now));
    }
    return out;
  }

  // ---- Batches of the API: create or upsert, one result per input ---------------------------------------

  /** The fields a deal can be matched on by an upsert ({@code idProperty}). */
  public static final List<String> MATCH_FIELDS = List.of("contactEmail");

  /**
   * One input of an API batch.
   *
   * @param create the deal it makes when nothing matches.
   * @param edit the change it makes to the deal it matches (fields named, probability, stage, custom fields); its
   *     deal id and version are filled in by the batch.
   * @param unreadable what could not even be read: the input is refused with it.
   */
  public record BatchDeal(CreateDeal create, EditDeal edit, List<FieldViolation> unreadable) {
    public BatchDeal {
      unreadable = List.copyOf(unreadable);
    }
  }

  /**
   * Creates (or, upserting, creates or edits the live deal whose {@code idProperty} matches, without case) every
   * input with the rules of the single create and edit, in this one transaction: one multi-row insert for the new
   * ones; each edit behind a savepoint, so that a refused one leaves nothing behind. One result per input, in order.
   *
   * @throws BatchRefused when the batch is atomic and any input was refused: nothing is written.
   */
  @Transactional
  public List<BatchItemResult> batch(List<BatchDeal> inputs, BatchRequest request) {
    var scope = TenantContext.requireWriter();
    BatchRequest.requireSize(inputs.size());
    boolean upsert = request.mode() == BatchRequest.Mode.UPSERT;
    var results = new BatchItemResult[inputs.size()];
    var keys = new ArrayList<@Nullable String>(inputs.size());
    for (BatchDeal input : inputs) {
      keys.add(upsert && input.unreadable().isEmpty()
          ? BatchRequest.matchKey(input.create().draft().get("contactEmail")) : null);
    }
    Map<String, DealId> existing = upsert ? deals.findLiveByContactEmail(scope.tenant(),
        keys.stream().filter(java.util.Objects::nonNull).distinct().toList()) : Map.of();
    List<Integer> createAt = new ArrayList<>();
    List<CreateDeal> creates = new ArrayList<>();
    var seen = new java.util.HashSet<String>();
    List<DealId> edited = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      BatchDeal input = inputs.get(i);
      if (!input.unreadable().isEmpty()) {
        results[i] = BatchItemResult.error(i, input.unreadable());
        continue;
      }
      String key = keys.get(i);
      if (upsert && key == null) {
        results[i] = BatchItemResult.error(i, List.of(new FieldViolation("contactEmail",
            "is required to upsert by contactEmail")));
        continue;
      }
      if (upsert && !seen.add(key)) {
        results[i] = BatchItemResult.error(i, List.of(new FieldViolation("contactEmail",
            "is also in an earlier input of this batch")));
        continue;
      }
      DealId match = key == null ? null : existing.get(key);
      if (match == null) {
        createAt.add(i);
        creates.add(input.create());
        continue;
      }
      var edit = input.edit();
      Object savepoint = savepoint();
      try {
        edit(new EditDeal(match, null, edit.change(), edit.probability(), edit.stage(), edit.lostReason(),
            edit.customFields(), edit.pipeline()));
        release(savepoint);
        results[i] = BatchItemResult.updated(i, match.value());
        edited.add(match);
      } catch (InvalidInputException e) {
        rollbackTo(savepoint);
        results[i] = BatchItemResult.error(i, e.violations());
      } catch (ConflictException | NotFoundException | com.orbitcrm.platform.ForbiddenException e) {
        rollbackTo(savepoint);
        results[i] = BatchItemResult.error(i, List.of(new FieldViolation("contactEmail", e.getMessage())));
      }
    }
    List<Written> created = creates.isEmpty() ? List.of() : createAll(creates, false);
    for (int j = 0; j < created.size(); j++) {
      int i = createAt.get(j);
      Written w = created.get(j);
      results[i] = w.ok() ? BatchItemResult.created(i, w.id().value()) : BatchItemResult.error(i, w.problems());
    }
    if (!edited.isEmpty()) {
      events.publishEvent(new DealsUpdated(scope.tenant(), edited, scope.user(), clock.instant()));
    }
    var out = List.of(results);
    if (request.atomic() && out.stream().anyMatch(r -> !r.ok())) {
      throw new BatchRefused(out);
    }
    return out;
  }

  /** A savepoint of the current transaction, or {@literal null} outside one (the use-case tests' doubles). */
  private static @Nullable Object savepoint() {
    try {
      return org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
          .createSavepoint();
    } catch (org.springframework.transaction.NoTransactionException e) {
      return null;
    }
  }

  private static void release(@Nullable Object savepoint) {
    if (savepoint != null) {
      org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
          .releaseSavepoint(savepoint);
    }
  }

  private static void rollbackTo(@Nullable Object savepoint) {
    if (savepoint != null) {
      org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
          .rollbackToSavepoint(savepoint);
    }
  }

  /** Moves many deals to the trash at once (an import undone); publishes {@link DealTrashed} for each. */
  @Transactional
  public int deleteAll(Collection<DealId> ids) {
    var scope = TenantContext.requireWriter();
    var now = clock.instant();
    var trashed = deals.trashAll(scope.tenant(), ids, now);
    trashed.forEach(id -> events.publishEvent(new DealTrashed(scope.tenant(), id, now)));
    return trashed.size();
  }

  /**
   * Applies the change to the deal's fields and a probability set by hand; then, if the command names
   * another stage, moves it there (at the end of its column) — all or nothing: the edited and moved deal is
   * worked out first and saved once, so a move the stage machine refuses (closed_lost without a reason, an
   * unknown stage) writes nothing, inside a transaction or not.
   */
  @Transactional
  public Deal update(EditDeal command) {
    var scope = TenantContext.requireWriter();
    Deal deal = edit(command);
    events.publishEvent(new DealsUpdated(scope.tenant(), List.of(deal.id()), scope.user(), clock.instant()));
    return deal;
  }

  /** {@link #update} without its event (a batch publishes one for all). */
  private Deal edit(EditDeal command) {
    var scope = TenantContext.requireWriter();
    Deal current = get(command.deal());
    requireVersion(current, command.expectedVersion());
    List<FieldViolation> problems = new ArrayList<>();
    DealDetails details = collect(() -> checked(command.change().apply(DealDraft.of(current.details())),
        command.probability()), problems);
    var values = collect(() -> customFields.check(Deal.RECORD_TYPE, command.customFields(), false), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    requireReferences(details, current.details());
    // Written first: a refused move below rolls them back with everything else.
    customFields.write(Deal.RECORD_TYPE, current.id().value(), values);
    var now = clock.instant();
    Deal next = current.edit(details, now);
    Probability probability = probability(command.probability());
    if (probability != null && !probability.equals(current.progress().probability())) {
      next = next.withProgress(next.progress().withProbability(probability), now);
    }
    boolean otherPipeline = command.pipeline() != null && !command.pipeline().equals(current.pipeline());
    if (!otherPipeline && (command.stage() == null || command.stage().equals(current.progress().stage().key()))) {
      if (!deals.update(next)) {
        throw stale();
      }
      return get(command.deal());
    }
    Pipeline pipeline = otherPipeline ? named(scope.tenant(), command.pipeline()) : pipelineOf(current);
    Stage target = command.stage() != null ? stage(pipeline, command.stage())
        : pipeline.counterpart(current.progress().stage()).orElseThrow(() -> InvalidInputException.of("stage",
            "choose a stage of " + pipeline.name() + " for this deal: one of " + String.join(", ", pipeline.keys())));
    return place(pipeline, next, target, rank(pipeline, target, null, next), command.lostReason(), scope.user())
        .deal();
  }

  /** The deal after a move, and the stage it left (the same one when it only changed place). */
  public record Placed(Deal deal, Stage from) {}

  /**
   * Moves a deal to a stage, at a position or the end of the column.
   *
   * @throws ConflictException when the deal changed since the expected version, or its new place was
   *     taken by a concurrent move.
   */
  @Transactional
  public Deal move(MoveDeal command) {
    var scope = TenantContext.requireWriter();
    Deal current = get(command.deal());
    requireVersion(current, command.expectedVersion());
    Pipeline pipeline = pipelineOf(current);
    Stage target = stage(pipeline, command.stage());
    if (command.position() != null && command.position() < 0) {
      throw InvalidInputException.of("position", "must be 0 or more");
    }
    return place(pipeline, current, target, rank(pipeline, target, command.position(), current),
        command.lostReason(), scope.user()).deal();
  }

  /**
   * Moves a deal between two cards as the board showed them. The board may be filtered, so cards it hides
   * can lie between the two; the deal goes right below {@code above} (or right above {@code below}).
   *
   * @throws ConflictException when the deal changed since the expected version, or a neighbour moved away
   *     meanwhile so the place no longer exists.
   */
  @Transactional
  public Placed place(PlaceDeal command) {
    var scope = TenantContext.requireWriter();
    Deal current = get(command.deal());
    requireVersion(current, command.expectedVersion());
    current = filled(current, command.fill());
    Pipeline pipeline = pipelineOf(current);
    Stage target = stage(pipeline, command.stage());
    String upper = command.above() == null ? null : neighbourRank(command.above(), target, command.deal());
    String lower = command.below() == null ? null : neighbourRank(command.below(), target, command.deal());
    String rank;
    if (upper != null && lower != null) {
      if (upper.compareTo(lower) >= 0) {
        throw new ConflictException(PLACE_GONE);
      }
      rank = Rank.between(upper, lower);
    } else if (upper != null) {
      rank = Rank.between(upper,
          deals.adjacentRank(scope.tenant(), pipeline, target.key(), upper, true, current.id()).orElse(null));
    } else if (lower != null) {
      rank = Rank.between(
          deals.adjacentRank(scope.tenant(), pipeline, target.key(), lower, false, current.id()).orElse(null), lower);
    } else {
      rank = rank(pipeline, target, null, current);
    }
    return place(pipeline, current, target, rank, command.lostReason(), scope.user());
  }

  /**
   * The deal with the fields a stage asked for filled in (checked like an edit, custom ones written now:
   * the move's transaction keeps or drops them with it); {@code current} itself without any.
   */
  private Deal filled(Deal current, Fill fill) {
    if (fill.none()) {
      return current;
    }
    DealDraft draft = DealDraft.of(current.details());
    for (var field : fill.fields().entrySet()) {
      if (!EntryRequirements.BUILT_IN.contains(field.getKey())) {
        throw InvalidInputException.of(field.getKey(), "cannot be filled in on a move");
      }
      draft = draft.with(field.getKey(), field.getValue());
    }
    DealDraft typed = draft;
    List<FieldViolation> problems = new ArrayList<>();
    DealDetails details = collect(() -> DealDetails.from(typed), problems);
    var values = collect(() -> customFields.check(Deal.RECORD_TYPE, fill.customFields(), false), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    customFields.write(Deal.RECORD_TYPE, current.id().value(), values);
    return current.edit(details, clock.instant());
  }

  /** Moves {@code current} to {@code target} at {@code rank}, saves it and publishes the stage change. */
  private Placed place(Pipeline pipeline, Deal current, Stage target, String rank, @Nullable String lostReason,
                       @Nullable UserId by) {
    var moved = current.moveTo(pipeline, target, rank, lostReason, custom(current, target), by, today(),
        clock.instant());
    if (!deals.update(moved.deal())) {
      throw stale();
    }
    if (moved.event() != null) {
      events.publishEvent(moved.event());
    }
    return new Placed(get(current.id()), current.progress().stage());
  }

  private String neighbourRank(DealId neighbour, Stage target, DealId moving) {
    if (neighbour.equals(moving)) {
      throw InvalidInputException.of("position", "a deal cannot be its own neighbour");
    }
    return deals.find(TenantContext.requireTenant(), neighbour)
        .filter(d -> !d.trashed() && d.progress().stage().key().equals(target.key()))
        .map(Deal::rank)
        .orElseThrow(() -> new ConflictException(PLACE_GONE));
  }

  /** The default pipeline's board (see {@link #board(PipelineId, BoardFilter, int)}). */
  @Transactional(readOnly = true)
  public List<BoardColumn> board(BoardFilter filter, int perColumn) {
    return board(null, filter, perColumn);
  }

  /**
   * The board of a pipeline ({@literal null}: the default one): every column's first {@code perColumn}
   * cards and its totals, under {@code filter}.
   */
  @Transactional(readOnly = true)
  public List<BoardColumn> board(@Nullable PipelineId id, BoardFilter filter, int perColumn) {
    var tenant = TenantContext.requireTenant();
    Pipeline pipeline = pipeline(id);
    Map<String, List<ColumnTotal>> totals = deals.totals(tenant, pipeline, filter, null).stream()
        .collect(Collectors.groupingBy(ColumnTotal::stage));
    return pipeline.stages().stream()
        .map(stage -> column(tenant, pipeline, stage, filter, null, perColumn,
            totals.getOrDefault(stage.key(), List.of())))
        .toList();
  }

  @Transactional(readOnly = true)
  public BoardColumn column(String stageKey, BoardFilter filter, @Nullable String after, int limit) {
    return column(null, stageKey, filter, after, limit);
  }

  /** More cards of one column, after the rank {@code after}; its totals are left empty. */
  @Transactional(readOnly = true)
  public BoardColumn column(@Nullable PipelineId id, String stageKey, BoardFilter filter, @Nullable String after,
                           int limit) {
    var tenant = TenantContext.requireTenant();
    Pipeline pipeline = pipeline(id);
    if (after != null && !Rank.isValid(after)) {
      throw InvalidInputException.of("after", "is not a place in the column");
    }
    return column(tenant, pipeline, stage(pipeline, stageKey), filter, after, limit, List.of());
  }

  @Transactional(readOnly = true)
  public List<ColumnTotal> totals(String stageKey, BoardFilter filter) {
    return totals(null, stageKey, filter);
  }

  /** The totals of one column under {@code filter}, per currency. */
  @Transactional(readOnly = true)
  public List<ColumnTotal> totals(@Nullable PipelineId id, String stageKey, BoardFilter filter) {
    var tenant = TenantContext.requireTenant();
    Pipeline pipeline = pipeline(id);
    return deals.totals(tenant, pipeline, filter, stage(pipeline, stageKey).key());
  }

  private BoardColumn column(TenantId tenant, Pipeline pipeline, Stage stage, BoardFilter filter,
                             @Nullable String after, int limit, List<ColumnTotal> totals) {
    List<Deal> cards = deals.column(tenant, pipeline, stage.key(), filter, after, limit + 1);
    if (cards.size() <= limit) {
      return new BoardColumn(stage, cards, null, totals);
    }
    List<Deal> page = cards.subList(0, limit);
    return new BoardColumn(stage, page, page.getLast().rank(), totals);
  }

  /** Moves the deal to the trash, from which an admin can restore it within {@link RestoreWindow#TRASH}. */
  @Transactional
  public Deal delete(DealId id) {
    var scope = TenantContext.requireWriter();
    Deal deal = get(id);
    var now = clock.instant();
    if (!deals.trash(scope.tenant(), id, now)) {
      throw new NotFoundException("Deal");
    }
    events.publishEvent(new DealTrashed(scope.tenant(), id, now));
    return deal;
  }

  @Transactional
  public Deal restore(DealId id) {
    var scope = TenantContext.requireAdmin();
    Deal deal = deals.find(scope.tenant(), id).orElseThrow(() -> new NotFoundException("Deal"));
    if (!deal.trashed()) {
      return deal;
    }
    if (!deal.restorableAt(clock.instant()) || !deals.restore(scope.tenant(), id)) {
      throw new NotFoundException("Deal");
    }
    return get(id);
  }

  /** Deletes for good this workspace's deals whose time in the trash is over; publishes {@link DealPurged}. */
  @Override
  @Transactional
  public int purgeExpired(Instant now) {
    var tenant = TenantContext.requireTenant();
    var purged = deals.purgeTrashedBefore(tenant, RestoreWindow.TRASH.cutoff(now));
    customFields.removeValues(Deal.RECORD_TYPE, purged.stream().map(DealId::value).toList());
    purged.forEach(id -> events.publishEvent(new DealPurged(tenant, id)));
    return purged.size();
  }

  /** What {@code check} answers, or {@literal null} with its problems added to {@code problems}. */
  private static <T> T collect(Supplier<T> check, List<FieldViolation> problems) {
    try {
      return check.get();
    } catch (InvalidInputException e) {
      problems.addAll(e.violations());
      return null;
    }
  }

  /** The custom-field values of these deals, by deal id and field name. */
  @Transactional(readOnly = true)
  public Map<UUID, Map<String, FieldValue>> customValues(Collection<DealId> ids) {
    return customFields.valuesOf(Deal.RECORD_TYPE, ids.stream().map(DealId::value).toList());
  }

  /** The pipeline a deal is on (a deal's pipeline is live: archiving takes an empty one). */
  private Pipeline pipelineOf(Deal deal) {
    return pipelines.find(deal.tenant(), deal.pipeline()).orElseThrow(() ->
        new ConflictException("This deal's pipeline was archived meanwhile: reload and try again"));
  }

  /** The deal's custom values by name, read only when {@code target} requires custom fields. */
  private Map<String, FieldValue> custom(Deal deal, Stage target) {
    if (target.requirements().customNames().isEmpty()) {
      return Map.of();
    }
    return customFields.valuesOf(Deal.RECORD_TYPE, List.of(deal.id().value()))
        .getOrDefault(deal.id().value(), Map.of());
  }

  /** Checked custom values (as {@code CustomFieldService.check} answers them) by field name, present ones. */
  private static Map<String, FieldValue> named(@Nullable Map<FieldDefinition, Optional<FieldValue>> values) {
    var byName = new java.util.HashMap<String, FieldValue>();
    if (values != null) {
      values.forEach((def, value) -> value.ifPresent(v -> byName.put(def.fieldName(), v)));
    }
    return byName;
  }

  private Pipeline pipeline(TenantId tenant) {
    return pipelines.findDefault(tenant).orElseThrow(() ->
        new IllegalStateException("workspace " + tenant + " has no pipeline"));
  }

  private String rank(Pipeline pipeline, Stage target, @Nullable Integer position, Deal moving) {
    var tenant = moving.tenant();
    if (position == null) {
      if (!moving.progress().changesStage(target)) {
        return moving.rank();
      }
      deals.holdColumnEnd(tenant, pipeline, target.key());
      return Rank.between(deals.lastRank(tenant, pipeline, target.key(), moving.id()).orElse(null), null);
    }
    var around = deals.neighbours(tenant, pipeline, target.key(), position, moving.id());
    if (around.before() == null && around.after() == null) {
      // An empty column, or a position past its end: append.
      deals.holdColumnEnd(tenant, pipeline, target.key());
      return Rank.between(deals.lastRank(tenant, pipeline, target.key(), moving.id()).orElse(null), null);
    }
    return Rank.between(around.before(), around.after());
  }

  /** The deal's fields and a probability typed with them, checked together: every problem in one answer. */
  private static DealDetails checked(DealDraft draft, @Nullable Integer probability) {
    var problems = new ArrayList<FieldViolation>();
    DealDetails details = null;
    try {
      details = DealDetails.from(draft);
    } catch (InvalidInputException e) {
      problems.addAll(e.violations());
    }
    Probability.problem(probability, "probability").ifPresent(problems::add);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return details;
  }

  private static @Nullable Probability probability(@Nullable Integer percent) {
    return percent == null ? null : Probability.of(percent, "probability");
  }

  private static Stage stage(Pipeline pipeline, String key) {
    return pipeline.stage(key).orElseThrow(() ->
        InvalidInputException.of("stage", "must be one of " + String.join(", ", pipeline.keys())));
  }

  private void requireReferences(DealDetails details, @Nullable DealDetails before) {
    if (details.clientId() != null && (before == null || !details.clientId().equals(before.clientId()))
        && records.find(new RecordRef(Client.RECORD_TYPE, details.clientId().value())).isEmpty()) {
      throw InvalidInputException.of("clientId", "is not a client of this workspace");
    }
    if (details.ownerId() != null && (before == null || !details.ownerId().equals(before.ownerId()))
        && !members.isMember(details.ownerId())) {
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

  /** Today where the team works: a deal closed late on the 30th in New York closes on the 30th. */
  private LocalDate today() {
    return calendar.today();
  }
}
