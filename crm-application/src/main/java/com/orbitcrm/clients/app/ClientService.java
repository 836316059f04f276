package com.orbitcrm.clients.app;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.ClientPage;
import com.orbitcrm.clients.ClientPurged;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.ClientTrashed;
import com.orbitcrm.clients.ClientsCreated;
import com.orbitcrm.clients.ClientsUpdated;
import com.orbitcrm.platform.BatchItemResult;
import com.orbitcrm.platform.BatchRefused;
import com.orbitcrm.platform.BatchRequest;
import com.orbitcrm.clients.port.Clients;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.RawValue;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.ExpiringTrash;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.RestoreWindow;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.app.MemberService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import com.orbitcrm.platform.SearchWords;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clients of the current workspace: list and search, read, create, edit (with optimistic
 * locking), move to the trash and restore. Everyone reads; members and above write; admins restore.
 * Trashing and purging publish {@link ClientTrashed} and {@link ClientPurged} for the modules that hang
 * things on clients.
 */
@Service
public class ClientService implements ExpiringTrash {

  private final Clients clients;
  private final MemberService members;
  private final CustomFieldService customFields;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ClientService(Clients clients, MemberService members, CustomFieldService customFields,
                ApplicationEventPublisher events, Clock clock) {
    this.clients = clients;
    this.members = members;
    this.customFields = customFields;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public ClientPage list(ClientQuery query) {
    var scope = query.trashed() ? TenantContext.requireAdmin() : TenantContext.require();
    return clients.find(scope.tenant(), query);
  }

  /**
   * Every client the query matches, in its order, with its custom-field values, handed to {@code sink} a chunk at
   * a time from one read of the database (one snapshot, constant memory): an export, whatever its size.
   */
  @Transactional(readOnly = true)
  public void export(ClientQuery query, Consumer<ClientBatch> sink) {
    var scope = query.trashed() ? TenantContext.requireAdmin() : TenantContext.require();
    clients.each(scope.tenant(), query, EXPORT_CHUNK, chunk -> sink.accept(new ClientBatch(chunk,
        customFields.valuesOf(Client.RECORD_TYPE, chunk.stream().map(c -> c.id().value()).toList()))));
  }

  /** Clients read at a time by an export: large enough that the values' query per chunk is cheap. */
  static final int EXPORT_CHUNK = 2_000;

  /** The names of those of {@code ids} that are live clients of this workspace, for labels on other pages. */
  @Transactional(readOnly = true)
  public Map<ClientId, String> names(Collection<ClientId> ids) {
    return clients.names(TenantContext.requireTenant(), ids, true);
  }

  /** At most {@code limit} live clients whose words start with the typed words (the command bar). */
  @Transactional(readOnly = true)
  public List<Client> findByWords(String typed, int limit) {
    return clients.findByWords(TenantContext.requireTenant(), SearchWords.of(typed), Math.clamp(limit, 1, 50));
  }

  /** A live client of this workspace; 404 for a trashed one, or one of another workspace. */
  @Transactional(readOnly = true)
  public Client get(ClientId id) {
    return clients.find(TenantContext.requireTenant(), id)
        .filter(c -> !c.trashed())
        .orElseThrow(() -> new NotFoundException("Client"));
  }

  @Transactional
  public Client create(ClientDraft draft) {
    return create(draft, Map.of(), null);
  }

  /** A client with history brought in from elsewhere (imports, the demo): see below. */
  @Transactional
  public Client create(ClientDraft draft, @Nullable Instant createdAt) {
    return create(draft, Map.of(), createdAt);
  }

  /**
   * A new client and its custom-field values (defaults for those left out; required ones must be there),
   * written together or not at all.
   *
   * @param customFields by field name.
   * @param createdAt when the client became one, for history brought in from elsewhere (imports, the
   *     demo); {@literal null} for now.
   */
  @Transactional
  public Client create(ClientDraft draft, Map<String, RawValue> customFields, @Nullable Instant createdAt) {
    var scope = TenantContext.requireWriter();
    List<FieldViolation> problems = new ArrayList<>();
    ClientDetails details = checked(() -> ClientDetails.from(draft), problems);
    var values = checked(() -> this.customFields.check(Client.RECORD_TYPE, customFields, true), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    requireMemberOwner(details);
    var client = Client.create(new ClientId(UUID.randomUUID()), scope.tenant(), details, scope.user(),
        createdAt == null ? clock.instant() : createdAt);
    clients.insert(client);
    this.customFields.write(Client.RECORD_TYPE, client.id().value(), values);
    events.publishEvent(new ClientsCreated(scope.tenant(), List.of(client.id()), scope.user(), client.createdAt()));
    return get(client.id());
  }

  // ---- Batches (imports): every rule of the single create and update, many records per statement ----------

  /** One new client of a batch, as {@link #create(ClientDraft, Map, Instant)} takes it. */
  public record NewClient(ClientDraft draft, Map<String, RawValue> customFields, @Nullable Instant createdAt) {}

  /** A change to one existing client of a batch: {@code change} applied to its current fields. */
  public record ClientChange(ClientId id, UnaryOperator<ClientDraft> change, Map<String, RawValue> customFields) {}

  /**
   * What became of one item of a batch: the client written, or the problems that refused it (nothing written
   * for it). For an update, {@code previous} holds the client's fields before.
   */
  public record Written(@Nullable ClientId id, List<FieldViolation> problems, @Nullable ClientDraft previous) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Creates the valid ones of {@code items} with the rules of {@link #create(ClientDraft, Map, Instant)} (fields,
   * custom fields, the owner a member), in one insert; the others are answered with their problems.
   *
   * @param dryRun check only: answers as if written, writes nothing.
   */
  @Transactional
  public List<Written> createAll(List<NewClient> items, boolean dryRun) {
    var scope = TenantContext.requireWriter();
    var checkedValues = this.customFields.checkAll(Client.RECORD_TYPE,
        items.stream().map(NewClient::customFields).toList(), true);
    var memberIds = memberIds();
    var now = clock.instant();
    List<Written> out = new ArrayList<>(items.size());
    List<Client> toInsert = new ArrayList<>(items.size());
    Map<UUID, Map<com.orbitcrm.customfields.FieldDefinition, java.util.Optional<FieldValue>>> values =
        new java.util.LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      NewClient item = items.get(i);
      List<FieldViolation> problems = new ArrayList<>(checkedValues.get(i).problems());
      ClientDetails details = checked(() -> ClientDetails.from(item.draft()), problems);
      if (details != null && details.accountOwnerId() != null && !memberIds.contains(details.accountOwnerId())) {
        problems.add(new FieldViolation("accountOwnerId", "is not a member of this workspace"));
      }
      if (!problems.isEmpty()) {
        out.add(new Written(null, problems, null));
        continue;
      }
      var client = Client.create(new ClientId(UUID.randomUUID()), scope.tenant(), details, scope.user(),
          item.createdAt() == null ? now : item.createdAt());
      toInsert.add(client);
      if (!checkedValues.get(i).values().isEmpty()) {
        values.put(client.id().value(), checkedValues.get(i).values());
      }
      out.add(new Written(client.id(), List.of(), null));
    }
    if (!dryRun && !toInsert.isEmpty()) {
      clients.insertAll(toInsert);
      this.customFields.writeNew(Client.RECORD_TYPE, values);
      events.publishEvent(new ClientsCreated(scope.tenant(), toInsert.stream().map(Client::id).toList(), scope.user(),
          now));
    }
    return out;
  }

  /**
   * Applies each change with the rules of {@link #update(ClientId, Integer, UnaryOperator, Map)} (no version
   * check: the batch reads the clients it changes); a client trashed or gone is answered with a problem.
   *
   * @param dryRun check only: answers as if written, writes nothing.
   */
  @Transactional
  public List<Written> updateAll(List<ClientChange> changes, boolean dryRun) {
    var scope = TenantContext.requireWriter();
    var current = clients.findAll(scope.tenant(), changes.stream().map(ClientChange::id).toList());
    var checkedValues = this.customFields.checkAll(Client.RECORD_TYPE,
        changes.stream().map(ClientChange::customFields).toList(), false);
    var memberIds = memberIds();
    var now = clock.instant();
    List<Written> out = new ArrayList<>(changes.size());
    List<ClientId> changed = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      ClientChange change = changes.get(i);
      Client before = current.get(change.id());
      if (before == null || before.trashed()) {
        out.add(new Written(null, List.of(new FieldViolation("id", "the client was deleted meanwhile")), null));
        continue;
      }
      List<FieldViolation> problems = new ArrayList<>(checkedValues.get(i).problems());
      ClientDraft previous = ClientDraft.of(before.details());
      ClientDetails details = checked(() -> ClientDetails.from(change.change().apply(previous)), problems);
      if (details != null && details.accountOwnerId() != null
          && !details.accountOwnerId().equals(before.details().accountOwnerId())
          && !memberIds.contains(details.accountOwnerId())) {
        problems.add(new FieldViolation("accountOwnerId", "is not a member of this workspace"));
      }
      if (!problems.isEmpty()) {
        out.add(new Written(null, problems, null));
        continue;
      }
      if (!dryRun) {
        if (!clients.update(before.edit(details, now))) {
          out.add(new Written(null, List.of(new FieldViolation("id",
              "the client was changed by someone else meanwhile")), null));
          continue;
        }
        this.customFields.write(Client.RECORD_TYPE, change.id().value(), checkedValues.get(i).values());
        changed.add(change.id());
      }
      out.add(new Written(change.id(), List.of(), previous));
    }
    if (!changed.isEmpty()) {
      events.publishEvent(new ClientsUpdated(scope.tenant(), changed, scope.user(), now));
    }
    return out;
  }

  // ---- Batches of the API: create or upsert, one result per input ---------------------------------------

  /** The fields a client can be matched on by an upsert ({@code idProperty}). */
  public static final List<String> MATCH_FIELDS = List.of("companyId", "contactEmail");

  /**
   * One input of an API batch.
   *
   * @param fields the fields the input names, applied over the current ones (a new client: over none).
   * @param unreadable what could not even be read (a number where text belongs, …): the input is refused with it.
   */
  public record BatchClient(UnaryOperator<ClientDraft> fields, Map<String, RawValue> customFields,
                            List<FieldViolation> unreadable) {
    public BatchClient {
      customFields = Map.copyOf(customFields);
      unreadable = List.copyOf(unreadable);
    }
  }

  /**
   * Creates (or, upserting, creates or updates the live client whose {@code idProperty} matches, without case)
   * every input with the rules of the single create and update, in this one transaction: one multi-row insert for
   * the new ones. Answers one result per input, in order. An upsert input without the matching field, or with a
   * key an earlier input of the batch has, is refused.
   *
   * @throws BatchRefused when the batch is atomic and any input was refused: nothing is written.
   */
  @Transactional
  public List<BatchItemResult> batch(List<BatchClient> inputs, BatchRequest request) {
    TenantContext.requireWriter();
    BatchRequest.requireSize(inputs.size());
    boolean upsert = request.mode() == BatchRequest.Mode.UPSERT;
    String field = request.idProperty();
    var results = new BatchItemResult[inputs.size()];
    var keys = new ArrayList<@Nullable String>(inputs.size());
    for (BatchClient input : inputs) {
      keys.add(upsert && input.unreadable().isEmpty() ? BatchRequest.matchKey(matchValue(
          input.fields().apply(ClientDraft.empty()), field)) : null);
    }
    Map<String, ClientId> existing = upsert
        ? findBy(field, keys.stream().filter(java.util.Objects::nonNull).distinct().toList()) : Map.of();
    List<Integer> createAt = new ArrayList<>();
    List<NewClient> creates = new ArrayList<>();
    List<Integer> updateAt = new ArrayList<>();
    List<ClientChange> updates = new ArrayList<>();
    var seen = new java.util.HashSet<String>();
    for (int i = 0; i < inputs.size(); i++) {
      BatchClient input = inputs.get(i);
      if (!input.unreadable().isEmpty()) {
        results[i] = BatchItemResult.error(i, input.unreadable());
        continue;
      }
      String key = keys.get(i);
      if (upsert && key == null) {
        results[i] = BatchItemResult.error(i, List.of(new FieldViolation(field,
            "is required to upsert by " + field)));
        continue;
      }
      if (upsert && !seen.add(key)) {
        results[i] = BatchItemResult.error(i, List.of(new FieldViolation(field,
            "is also in an earlier input of this batch")));
        continue;
      }
      ClientId match = key == null ? null : existing.get(key);
      if (match != null) {
        updateAt.add(i);
        updates.add(new ClientChange(match, input.fields(), input.customFields()));
      } else {
        createAt.add(i);
        creates.add(new NewClient(input.fields().apply(ClientDraft.empty()), input.customFields(), null));
      }
    }
    List<Written> created = creates.isEmpty() ? List.of() : createAll(creates, false);
    for (int j = 0; j < created.size(); j++) {
      int i = createAt.get(j);
      Written w = created.get(j);
      results[i] = w.ok() ? BatchItemResult.created(i, w.id().value()) : BatchItemResult.error(i, w.problems());
    }
    List<Written> updated = updates.isEmpty() ? List.of() : updateAll(updates, false);
    for (int j = 0; j < updated.size(); j++) {
      int i = updateAt.get(j);
      Written w = updated.get(j);
      results[i] = w.ok() ? BatchItemResult.updated(i, w.id().value()) : BatchItemResult.error(i, w.problems());
    }
    var out = List.of(results);
    if (request.atomic() && out.stream().anyMatch(r -> !r.ok())) {
      throw new BatchRefused(out);
    }
    return out;
  }

  private static @Nullable String matchValue(ClientDraft draft, String field) {
    return switch (field) {
      case "companyId" -> draft.companyId();
      case "contactEmail" -> draft.contactEmail();
      default -> throw new IllegalArgumentException("clients are not matched by " + field);
    };
  }

  /**
   * The live clients holding these keys, key → client (the oldest when several do).
   *
   * @param field {@code contactEmail}, {@code companyId} or {@code name}; keys are compared without case or
   *     outer blanks.
   */
  @Transactional(readOnly = true)
  public Map<String, ClientId> findBy(String field, Collection<String> keys) {
    if (!List.of("contactEmail", "companyId", "name").contains(field)) {
      throw new IllegalArgumentException("clients are not found by " + field);
    }
    if (keys.isEmpty()) {
      return Map.of();
    }
    return clients.findLiveBy(TenantContext.requireTenant(),
        field, keys.stream().map(k -> k.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList());
  }

  /** Moves many clients to the trash at once (an import undone); publishes {@link ClientTrashed} for each. */
  @Transactional
  public int deleteAll(Collection<ClientId> ids) {
    var scope = TenantContext.requireWriter();
    var now = clock.instant();
    var trashed = clients.trashAll(scope.tenant(), ids, now);
    trashed.forEach(id -> events.publishEvent(new ClientTrashed(scope.tenant(), id, now)));
    return trashed.size();
  }

  private java.util.Set<com.orbitcrm.tenancy.UserId> memberIds() {
    var ids = new java.util.HashSet<com.orbitcrm.tenancy.UserId>();
    members.members().forEach(m -> ids.add(m.user()));
    return ids;
  }

  /** What {@code check} answers, or {@literal null} with its problems added to {@code problems}. */
  static <T> T checked(Supplier<T> check, List<FieldViolation> problems) {
    try {
      return check.get();
    } catch (InvalidInputException e) {
      problems.addAll(e.violations());
      return null;
    }
  }

  /** The custom-field values of these clients, by client id and field name. */
  @Transactional(readOnly = true)
  public Map<UUID, Map<String, FieldValue>> customValues(Collection<ClientId> ids) {
    return customFields.valuesOf(Client.RECORD_TYPE, ids.stream().map(ClientId::value).toList());
  }

  /**
   * Applies {@code change} to the client's current fields and saves the result.
   *
   * @param expectedVersion the version the caller edited; {@literal null} to skip the check.
   * @throws ConflictException when someone else saved the client in between.
   */
  @Transactional
  public Client update(ClientId id, @Nullable Integer expectedVersion, UnaryOperator<ClientDraft> change) {
    return update(id, expectedVersion, change, Map.of());
  }

  /**
   * As {@link #update(ClientId, Integer, UnaryOperator)}, and sets the custom fields named in
   * {@code customFields} (an empty value clears one; fields left out keep their values).
   */
  @Transactional
  public Client update(ClientId id, @Nullable Integer expectedVersion, UnaryOperator<ClientDraft> change,
                       Map<String, RawValue> customFields) {
    var scope = TenantContext.requireWriter();
    Client current = get(id);
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new ConflictException("This client was changed by someone else (version " + current.version()
          + ", you edited " + expectedVersion + "): reload it and try again");
    }
    List<FieldViolation> problems = new ArrayList<>();
    ClientDetails details = checked(() -> ClientDetails.from(change.apply(ClientDraft.of(current.details()))), problems);
    var values = checked(() -> this.customFields.check(Client.RECORD_TYPE, customFields, false), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (details.accountOwnerId() != null && !details.accountOwnerId().equals(current.details().accountOwnerId())) {
      requireMemberOwner(details);
    }
    if (!clients.update(current.edit(details, clock.instant()))) {
      throw new ConflictException("This client was changed by someone else: reload it and try again");
    }
    this.customFields.write(Client.RECORD_TYPE, id.value(), values);
    events.publishEvent(new ClientsUpdated(scope.tenant(), List.of(id), scope.user(), clock.instant()));
    return get(id);
  }

  /** Moves the client to the trash, from which an admin can restore it within {@link RestoreWindow#TRASH}. */
  @Transactional
  public Client delete(ClientId id) {
    var scope = TenantContext.requireWriter();
    Client client = get(id);
    var now = clock.instant();
    if (!clients.trash(scope.tenant(), id, now)) {
      throw new NotFoundException("Client");
    }
    events.publishEvent(new ClientTrashed(scope.tenant(), id, now));
    return client;
  }

  @Transactional
  public Client restore(ClientId id) {
    var scope = TenantContext.requireAdmin();
    Client client = clients.find(scope.tenant(), id).orElseThrow(() -> new NotFoundException("Client"));
    if (!client.trashed()) {
      return client;
    }
    if (!client.restorableAt(clock.instant()) || !clients.restore(scope.tenant(), id)) {
      throw new NotFoundException("Client");
    }
    return get(id);
  }

  /** Deletes for good this workspace's clients whose time in the trash is over; publishes {@link ClientPurged}. */
  @Override
  @Transactional
  public int purgeExpired(Instant now) {
    var tenant = TenantContext.requireTenant();
    var purged = clients.purgeTrashedBefore(tenant, RestoreWindow.TRASH.cutoff(now));
    customFields.removeValues(Client.RECORD_TYPE, purged.stream().map(ClientId::value).toList());
    purged.forEach(id -> events.publishEvent(new ClientPurged(tenant, id)));
    return purged.size();
  }

  private void requireMemberOwner(ClientDetails details) {
    if (details.accountOwnerId() != null && !members.isMember(details.accountOwnerId())) {
      throw InvalidInputException.of("accountOwnerId", "is not a member of this workspace");
    }
  }
}
