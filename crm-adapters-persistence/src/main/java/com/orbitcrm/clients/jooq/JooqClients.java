package com.orbitcrm.clients.jooq;

import com.orbitcrm.platform.Contact;

import static org.orbitcrm.db.jooq.Tables.CLIENTS;
import static org.orbitcrm.db.jooq.Tables.CLIENT_SEARCH_WORDS;
import static org.orbitcrm.db.jooq.Tables.CRM_CUSTOM_FIELD_VALUES;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientCursor;
import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.ClientPage;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.ClientSort;
import com.orbitcrm.clients.ClientStatus;
import com.orbitcrm.clients.port.Clients;
import com.orbitcrm.customfields.ValueFilter;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.orbitcrm.db.jooq.tables.records.ClientsRecord;
import org.springframework.stereotype.Repository;

/**
 * Clients in PostgreSQL. Lists use keyset paging on an index per sort order; search matches word
 * prefixes through {@code client_search_words} (V4), kept by a trigger.
 */
@Repository
class JooqClients implements Clients {

  /**
   * Sort keys are stored columns (V9: {@code name_key text collate "C"}, {@code spend_key} in cents), so
   * that every keyset comparison is leakproof and an index condition under row-level security.
   */
  private static final Field<String> NAME_KEY = CLIENTS.NAME_KEY;
  private static final Field<Long> SPEND_KEY = CLIENTS.SPEND_KEY;

  /** U+10FFFF sorts after every character in the "C" collation: word + this bounds a prefix range. */
  private static final String LAST_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));
  /** As PostgreSQL's [^[:alnum:]]+ in V4. */
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final DSLContext dsl;

  JooqClients(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Optional<Client> find(TenantId tenant, ClientId id) {
    return dsl.selectFrom(CLIENTS)
        .where(CLIENTS.TENANT_ID.eq(tenant.value()), CLIENTS.ID.eq(id.value()))
        .fetchOptional(JooqClients::toClient);
  }

  @Override
  public Map<ClientId, String> names(TenantId tenant, Collection<ClientId> ids, boolean live) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return dsl.select(CLIENTS.ID, CLIENTS.NAME)
        .from(CLIENTS)
        .where(CLIENTS.TENANT_ID.eq(tenant.value()), CLIENTS.ID.in(ids.stream().map(ClientId::value).toList()))
        .and(live ? CLIENTS.DELETED_AT.isNull() : DSL.noCondition())
        .fetchMap(r -> new ClientId(r.value1()), r -> r.value2());
  }

  @Override
  public ClientPage find(TenantId tenant, ClientQuery q) {
    List<String> words = words(q.search());
    boolean byName = q.sort() == ClientSort.NAME || q.sort() == ClientSort.NAME_DESC;
    if (!words.isEmpty() && byName && !q.trashed() && q.status() == null && q.industry() == null
        && q.ownerId() == null && q.state() == null && q.fields().isEmpty()) {
      return searchByName(tenant, words, q);
    }
    if (q.sort().byField()) {
      return byField(tenant, base(tenant, q, words), q);
    }
    Condition where = filtered(tenant, q, words);
    if (q.after() != null) {
      where = where.and(after(q.sort(), q.after()));
    }
    List<ClientsRecord> rows = dsl.selectFrom(CLIENTS)
        .where(where)
        .orderBy(order(q.sort()))
        .limit(q.limit() + 1)
        .fetch();
    return page(rows, q);
  }

  @Override
  public void each(TenantId tenant, ClientQuery q, int chunk, Consumer<List<Client>> sink) {
    if (q.sort().byField()) {
      // Ordered by a custom field: the list's keyset pages (values first, then the clients without one), a chunk each.
      ClientCursor after = null;
      do {
        var page = find(tenant, new ClientQuery(q.search(), q.status(), q.industry(), q.ownerId(), q.state(), q.sort(),
            after, chunk, q.trashed(), q.fields(), q.sortField()));
        if (!page.items().isEmpty()) {
          sink.accept(page.items());
        }
        after = page.next();
      } while (after != null);
      return;
    }
    // One query read through a server-side cursor (the fetch size), inside the caller's transaction.
    try (Cursor<ClientsRecord> rows = dsl.selectFrom(CLIENTS)
        .where(filtered(tenant, q, words(q.search())))
        .orderBy(order(q.sort()))
        .fetchSize(chunk)
        .fetchLazy()) {
      while (rows.hasNext()) {
        sink.accept(rows.fetchNext(chunk).map(JooqClients::toClient));
      }
    }
  }

  /** The clients a query's filters match, wherever its pages start. */
  private Condition filtered(TenantId tenant, ClientQuery q, List<String> words) {
    Condition where = base(tenant, q, words);
    for (ValueFilter f : q.fields()) {
      where = where.and(CLIENTS.ID.in(holding(tenant, f)));
    }
    return where;
  }

  /** The clients a query's own filters match (its custom-field filters aside). */
  private Condition base(TenantId tenant, ClientQuery q, List<String> words) {
    Condition where = CLIENTS.TENANT_ID.eq(tenant.value())
        .and(q.trashed() ? CLIENTS.DELETED_AT.isNotNull() : CLIENTS.DELETED_AT.isNull());
    for (String word : words) {
      where = where.and(CLIENTS.ID.in(matching(tenant, word)));
    }
    if (q.status() != null) {
      where = where.and(CLIENTS.STATUS.eq(q.status().key()));
    }
    if (q.industry() != null) {
      where = where.and(DSL.lower(CLIENTS.INDUSTRY).eq(q.industry().toLowerCase(Locale.ROOT)));
    }
    if (q.ownerId() != null) {
      where = where.and(CLIENTS.ACCOUNT_OWNER_ID.eq(q.ownerId().value()));
    }
    if (q.state() != null) {
      where = where.and(CLIENTS.STATE.eq(q.state().toUpperCase(Locale.ROOT)));
    }
    return where;
  }

  /**
   * A search sorted by name, answered from the word index alone (every word's matches intersected, in
   * name order, from the cursor on); only the page's clients are then read.
   */
  private ClientPage searchByName(TenantId tenant, List<String> words, ClientQuery q) {
    Select<Record2<UUID, String>> matches = null;
    for (String word : words) {
      var one = dsl.selectDistinct(CLIENT_SEARCH_WORDS.CLIENT_ID, CLIENT_SEARCH_WORDS.NAME_KEY)
          .from(CLIENT_SEARCH_WORDS)
          .where(CLIENT_SEARCH_WORDS.TENANT_ID.eq(tenant.value()))
          .and(CLIENT_SEARCH_WORDS.WORD.between(word, word + LAST_CHARACTER));
      matches = matches == null ? one : matches.intersect(one);
    }
    var m = matches.asTable("m");
    Field<UUID> id = m.field(CLIENT_SEARCH_WORDS.CLIENT_ID);
    Field<String> key = m.field(CLIENT_SEARCH_WORDS.NAME_KEY);
    boolean asc = q.sort().ascending();
    Condition from = DSL.noCondition();
    if (q.after() != null) {
      var row = DSL.row(key, id);
      from = asc ? row.gt(DSL.val(q.after().key()), DSL.val(q.after().id()))
          : row.lt(DSL.val(q.after().key()), DSL.val(q.after().id()));
    }
    List<UUID> ids = dsl.select(id)
        .from(m)
        .where(from)
        .orderBy(asc ? key.asc() : key.desc(), asc ? id.asc() : id.desc())
        .limit(q.limit() + 1)
        .fetch(id);
    if (ids.isEmpty()) {
      return new ClientPage(List.of(), null);
    }
    Map<UUID, ClientsRecord> byId = dsl.selectFrom(CLIENTS)
        .where(CLIENTS.TENANT_ID.eq(tenant.value()), CLIENTS.ID.in(ids), CLIENTS.DELETED_AT.isNull())
        .fetchMap(CLIENTS.ID);
    List<ClientsRecord> rows = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    return page(rows, q);
  }

  /**
   * Ordered by a custom field (not a multiselect: one value row per client): first the clients with a value, in
   * the order of the values' primary key (tenant_id, field_id, key, entity_id) from the cursor on — a range of
   * that index, leakproof text and uuid comparisons —, each joined to its client; then, once those run out, the
   * clients without a value, by id (clients' primary key), in the same direction.
   */
  private ClientPage byField(TenantId tenant, Condition where, ClientQuery q) {
    var v = CRM_CUSTOM_FIELD_VALUES.as("sort_value");
    UUID field = java.util.Objects.requireNonNull(q.sortField()).value();
    boolean asc = q.sort().ascending();
    ClientCursor after = q.after();
    if (after != null && !after.field().value().equals(field)) {
      throw new IllegalArgumentException("the cursor is of another field's order");
    }
    boolean pastValues = after != null && after.fieldKey() == null;
    List<Record> rows = new java.util.ArrayList<>();
    if (!pastValues) {
      Condition from = DSL.noCondition();
      if (after != null) {
        var row = DSL.row(v.KEY, v.ENTITY_ID);
        from = asc ? row.gt(DSL.val(after.fieldKey()), DSL.val(after.id()))
            : row.lt(DSL.val(after.fieldKey()), DSL.val(after.id()));
      }
      // each filter checked per value row, on the same primary key (an index-only probe, memoized)
      Condition filtered = DSL.noCondition();
      for (ValueFilter f : q.fields()) {
        var s = CRM_CUSTOM_FIELD_VALUES.as("filter_value");
        filtered = filtered.andExists(DSL.selectOne().from(s)
            .where(s.TENANT_ID.eq(tenant.value()), s.FIELD_ID.eq(f.field().value()), s.ENTITY_ID.eq(v.ENTITY_ID))
            .and(keyIn(s.KEY, f))
            .and(f.exact() == null ? DSL.noCondition() : s.VALUE.eq(f.exact())));
      }
      rows.addAll(dsl.select(CLIENTS.fields()).select(v.KEY)
          .from(v)
          .join(CLIENTS).on(CLIENTS.TENANT_ID.eq(tenant.value()), CLIENTS.ID.eq(v.ENTITY_ID))
          .where(v.TENANT_ID.eq(tenant.value()), v.FIELD_ID.eq(field))
          .and(from)
          .and(filtered)
          .and(where)
          .orderBy(asc ? v.KEY.asc() : v.KEY.desc(), asc ? v.ENTITY_ID.asc() : v.ENTITY_ID.desc())
          .limit(q.limit() + 1)
          .fetch());
    }
    if (rows.size() <= q.limit()) {
      var w = CRM_CUSTOM_FIELD_VALUES.as("no_value");
      Condition from = !pastValues ? DSL.noCondition() : asc ? CLIENTS.ID.gt(after.id()) : CLIENTS.ID.lt(after.id());
      for (ValueFilter f : q.fields()) {
        from = from.and(CLIENTS.ID.in(holding(tenant, f)));
      }
      rows.addAll(dsl.select(CLIENTS.fields()).select(DSL.inline(null, String.class).as(v.KEY.getName()))
          .from(CLIENTS)
          .where(where)
          .and(from)
          .andNotExists(DSL.selectOne().from(w)
              .where(w.TENANT_ID.eq(tenant.value()), w.ENTITY_TYPE.eq(Client.RECORD_TYPE.key()), w.ENTITY_ID.eq(CLIENTS.ID),
                  w.FIELD_ID.eq(field)))
          .orderBy(asc ? CLIENTS.ID.asc() : CLIENTS.ID.desc())
          .limit(q.limit() + 1 - rows.size())
          .fetch());
    }
    List<Client> clients = rows.stream().limit(q.limit()).map(JooqClients::toClient).toList();
    if (rows.size() <= q.limit()) {
      return new ClientPage(clients, null);
    }
    Record last = rows.get(q.limit() - 1);
    return new ClientPage(clients, ClientCursor.ofField(q.sort(), q.sortField(), last.get(v.KEY.getName(), String.class),
        last.get(CLIENTS.ID)));
  }

  private Select<Record1<UUID>> matching(TenantId tenant, String word) {
    // Every word typed must start a word of the client: a range scan on (tenant_id, word), whose
    // comparisons are leakproof and so usable as index conditions under row-level security (V4).
    return DSL.select(CLIENT_SEARCH_WORDS.CLIENT_ID)
        .from(CLIENT_SEARCH_WORDS)
        .where(CLIENT_SEARCH_WORDS.TENANT_ID.eq(tenant.value()))
        .and(CLIENT_SEARCH_WORDS.WORD.between(word, word + LAST_CHARACTER));
  }

  /**
   * The clients whose value of a custom field is in the filter's key range: a range scan of the values' primary
   * key (tenant_id, field_id, key, entity_id), leakproof text and uuid comparisons (V16).
   */
  private Select<Record1<UUID>> holding(TenantId tenant, ValueFilter f) {
    var v = CRM_CUSTOM_FIELD_VALUES;
    return DSL.select(v.ENTITY_ID).from(v)
        .where(v.TENANT_ID.eq(tenant.value()), v.FIELD_ID.eq(f.field().value()))
        .and(keyIn(v.KEY, f))
        .and(f.exact() == null ? DSL.noCondition() : v.VALUE.eq(f.exact()));
  }

  /**
   * The filter's key range; "equal to" as {@code key = ?}, which with the field and the record names a whole
   * primary key (a unique probe, and an estimate the planner gets right: a range made it expect a few rows where
   * thousands match, and sort them).
   */
  private static Condition keyIn(Field<String> key, ValueFilter f) {
    if (f.from() != null && f.from().equals(f.to())) {
      return key.eq(f.from());
    }
    return (f.from() == null ? DSL.noCondition() : key.ge(f.from()))
        .and(f.to() == null ? DSL.noCondition() : key.le(f.to()));
  }

  private static ClientPage page(List<ClientsRecord> rows, ClientQuery q) {
    List<Client> clients = rows.stream().limit(q.limit()).map(JooqClients::toClient).toList();
    if (rows.size() <= q.limit()) {
      return new ClientPage(clients, null);
    }
    return new ClientPage(clients, cursor(q.sort(), rows.get(q.limit() - 1)));
  }

  private static List<SortField<?>> order(ClientSort sort) {
    Field<?> key = key(sort);
    return sort.ascending() ? List.of(key.asc(), CLIENTS.ID.asc()) : List.of(key.desc(), CLIENTS.ID.desc());
  }

  private static Field<?> key(ClientSort sort) {
    return switch (sort) {
      case NAME, NAME_DESC -> NAME_KEY;
      case CREATED, CREATED_DESC -> CLIENTS.CREATED_AT;
      case SPEND, SPEND_DESC -> SPEND_KEY;
      case FIELD, FIELD_DESC -> throw new IllegalArgumentException("custom-field orders: see byField");
    };
  }

  private static Condition after(ClientSort sort, ClientCursor cursor) {
    var id = DSL.val(cursor.id());
    return switch (sort) {
      case NAME -> DSL.row(NAME_KEY, CLIENTS.ID).gt(DSL.val(cursor.key()), id);
      case NAME_DESC -> DSL.row(NAME_KEY, CLIENTS.ID).lt(DSL.val(cursor.key()), id);
      case CREATED -> DSL.row(CLIENTS.CREATED_AT, CLIENTS.ID).gt(DSL.val(OffsetDateTime.parse(cursor.key())), id);
      case CREATED_DESC -> DSL.row(CLIENTS.CREATED_AT, CLIENTS.ID).lt(DSL.val(OffsetDateTime.parse(cursor.key())), id);
      case SPEND -> DSL.row(SPEND_KEY, CLIENTS.ID).gt(DSL.val(Long.parseLong(cursor.key())), id);
      case SPEND_DESC -> DSL.row(SPEND_KEY, CLIENTS.ID).lt(DSL.val(Long.parseLong(cursor.key())), id);
      case FIELD, FIELD_DESC -> throw new IllegalArgumentException("custom-field orders: see byField");
    };
  }

  /** Where a page ended, from its last row's stored sort key (never recomputed: it must match the index). */
  private static ClientCursor cursor(ClientSort sort, ClientsRecord last) {
    String key = switch (sort) {
      case NAME, NAME_DESC -> last.getNameKey();
      case CREATED, CREATED_DESC -> last.getCreatedAt().toInstant().atOffset(ZoneOffset.UTC).toString();
      case SPEND, SPEND_DESC -> String.valueOf(last.getSpendKey());
      case FIELD, FIELD_DESC -> throw new IllegalArgumentException("custom-field orders: see byField");
    };
    return new ClientCursor(sort, key, last.getId());
  }

  /** The words of a search as V4 splits a client's fields: lower-cased runs of letters and digits. */
  static List<String> words(@Nullable String search) {
    if (search == null) {
      return List.of();
    }
    return Arrays.stream(NOT_ALPHANUMERIC.split(search.toLowerCase(Locale.ROOT)))
        .filter(w -> !w.isEmpty())
        .map(w -> w.length() > 100 ? w.substring(0, 100) : w)
        .distinct()
        .limit(8)
        .toList();
  }

  @Override
  public void insert(Client client) {
    ClientsRecord r = dsl.newRecord(CLIENTS);
    write(r, client);
    r.setTenantId(client.tenant().value());
    r.setId(client.id().value());
    r.setCreatedBy(client.createdBy() == null ? null : client.createdBy().value());
    r.setCreatedAt(at(client.createdAt()));
    r.setUpdatedAt(at(client.updatedAt()));
    dsl.insertInto(CLIENTS).set(r).execute();
  }

  /** The rows of {@link #insert}, many per statement (an import's batch; 1,000 rows stay under the bind limit). */
  @Override
  public void insertAll(List<Client> clients) {
    for (int from = 0; from < clients.size(); from += 1_000) {
      List<Client> chunk = clients.subList(from, Math.min(clients.size(), from + 1_000));
      org.jooq.InsertSetMoreStep<ClientsRecord> insert = null;
      for (Client client : chunk) {
        ClientsRecord r = dsl.newRecord(CLIENTS);
        write(r, client);
        r.setTenantId(client.tenant().value());
        r.setId(client.id().value());
        r.setCreatedBy(client.createdBy() == null ? null : client.createdBy().value());
        r.setCreatedAt(at(client.createdAt()));
        r.setUpdatedAt(at(client.updatedAt()));
        insert = insert == null ? dsl.insertInto(CLIENTS).set(r) : insert.newRecord().set(r);
      }
      insert.execute();
    }
  }

  @Override
  public Map<ClientId, Client> findAll(TenantId tenant, Collection<ClientId> ids) {
    var found = new java.util.LinkedHashMap<ClientId, Client>();
    List<UUID> all = ids.stream().map(ClientId::value).toList();
    // In slices: a statement takes at most 65,535 bind values.
    for (int from = 0; from < all.size(); from += 10_000) {
      dsl.selectFrom(CLIENTS)
          .where(CLIENTS.TENANT_ID.eq(tenant.value()), CLIENTS.ID.in(all.subList(from, Math.min(all.size(), from + 10_000))))
          .forEach(r -> found.put(new ClientId(r.getId()), toClient(r)));
    }
    return found;
  }

  /**
   * By name: the stored {@code name_key} (lower(name), an index under RLS). By e-mail: stored lower-cased
   * ({@code Contact}), compared as is. By company id: {@code lower()} (not leakproof: a filter over the
   * workspace's rows, once per batch).
   */
  @Override
  public Map<String, ClientId> findLiveBy(TenantId tenant, String field, Collection<String> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    Field<String> key = switch (field) {
      case "name" -> NAME_KEY;
      case "contactEmail" -> CLIENTS.CONTACT_EMAIL;
      case "companyId" -> DSL.lower(DSL.trim(CLIENTS.COMPANY_ID));
      default -> throw new IllegalArgumentException("clients are not found by " + field);
    };
    var found = new java.util.LinkedHashMap<String, ClientId>();
    dsl.select(key, CLIENTS.ID)
        .from(CLIENTS)
        .where(CLIENTS.TENANT_ID.eq(tenant.value()), CLIENTS.DELETED_AT.isNull())
        .and(key.in(keys))
        .orderBy(CLIENTS.CREATED_AT, CLIENTS.ID)
        .forEach(r -> found.putIfAbsent(r.value1(), new ClientId(r.value2())));
    return found;
  }

  @Override
  public List<ClientId> trashAll(TenantId tenant, Collection<ClientId> ids, Instant at) {
    List<UUID> all = ids.stream().map(ClientId::value).toList();
    var trashed = new java.util.ArrayList<ClientId>();
    for (int from = 0; from < all.size(); from += 10_000) {
      trashed.addAll(dsl.update(CLIENTS)
          .set(CLIENTS.DELETED_AT, at(at))
          .where(CLIENTS.TENANT_ID.eq(tenant.value()), CLIENTS.ID.in(all.subList(from, Math.min(all.size(), from + 10_000))))
          .and(CLIENTS.DELETED_AT.isNull())
          .returning(CLIENTS.ID)
          .fetch(r -> new ClientId(r.getId())));
    }
    return trashed;
  }

  @Override
  public boolean update(Client client) {
    ClientsRecord r = dsl.newRecord(CLIENTS);
    write(r, client);
    return dsl.update(CLIENTS)
        .set(r)
        .where(CLIENTS.TENANT_ID.eq(client.tenant().value()), CLIENTS.ID.eq(client.id().value()))
        .and(CLIENTS.VERSION.eq(client.version()))
        .and(CLIENTS.DELETED_AT.isNull())
        .execute() == 1;
  }

  private static void write(ClientsRecord r, Client client) {
    ClientDetails d = client.details();
    r.setName(d.name());
    r.setContactName(d.contactName());
    r.setContactEmail(d.contactEmail());
    r.setContactPhone(d.contactPhone());
    r.setIndustry(d.industry());
    r.setAddressLine1(d.addressLine1());
    r.setAddressLine2(d.addressLine2());
    r.setCity(d.city());
    r.setState(d.state());
    r.setZipCode(d.zipCode());
    r.setEstimatedMonthlySpend(d.estimatedMonthlySpend());
    r.setStatus(d.status().key());
    r.setAccountOwnerId(d.accountOwnerId() == null ? null : d.accountOwnerId().value());
    r.setAccountOwnerAssignedDate(client.accountOwnerAssignedDate() == null ? null : at(client.accountOwnerAssignedDate()));
    r.setCompanyId(d.companyId());
  }

  @Override
  public boolean trash(TenantId tenant, ClientId id, Instant at) {
    return dsl.update(CLIENTS)
        .set(CLIENTS.DELETED_AT, at(at))
        .where(CLIENTS.TENANT_ID.eq(tenant.value()), CLIENTS.ID.eq(id.value()), CLIENTS.DELETED_AT.isNull())
        .execute() == 1;
  }

  @Override
  public boolean restore(TenantId tenant, ClientId id) {
    return dsl.update(CLIENTS)
        .setNull(CLIENTS.DELETED_AT)
        .where(CLIENTS.TENANT_ID.eq(tenant.value()), CLIENTS.ID.eq(id.value()), CLIENTS.DELETED_AT.isNotNull())
        .execute() == 1;
  }

  @Override
  public List<Client> findByWords(TenantId tenant, List<String> words, int limit) {
    if (words.isEmpty()) {
      return List.of();
    }
    var w = CLIENT_SEARCH_WORDS.as("w");
    // The longest word drives (the narrowest range of the index); the others are checked per record.
    String first = words.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
    Condition where = w.TENANT_ID.eq(tenant.value()).and(w.WORD.between(first,
        first + LAST_CHARACTER));
    for (String other : words.stream().filter(o -> !o.equals(first)).toList()) {
      var o = CLIENT_SEARCH_WORDS.as("o");
      where = where.and(DSL.exists(DSL.selectOne().from(o).where(o.TENANT_ID.eq(tenant.value()),
          o.CLIENT_ID.eq(w.CLIENT_ID), o.WORD.between(other, other + LAST_CHARACTER))));
    }
    // The first word's range in word order (an index range scan that stops early); a client matching with several
    // words comes several times, so a few more rows than asked for are read.
    List<UUID> ids = dsl.select(w.CLIENT_ID).from(w).where(where).orderBy(w.WORD, w.CLIENT_ID).limit(limit * 4)
        .fetch(r -> r.value1()).stream().distinct().limit(limit).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Client> found = new HashMap<>();
    dsl.selectFrom(CLIENTS).where(CLIENTS.TENANT_ID.eq(tenant.value()), CLIENTS.ID.in(ids), CLIENTS.DELETED_AT.isNull())
        .fetch(JooqClients::toClient).forEach(c -> found.put(c.id().value(), c));
    return ids.stream().map(found::get).filter(Objects::nonNull).toList();
  }

  @Override
  public List<ClientId> purgeTrashedBefore(TenantId tenant, Instant cutoff) {
    return dsl.deleteFrom(CLIENTS)
        .where(CLIENTS.TENANT_ID.eq(tenant.value()), CLIENTS.DELETED_AT.lt(at(cutoff)))
        .returning(CLIENTS.ID)
        .fetch(r -> new ClientId(r.getId()));
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Client toClient(Record rec) {
    ClientsRecord r = rec.into(CLIENTS);
    var details = new ClientDetails(r.getName(), new Contact(r.getContactName(), r.getContactEmail(),
        r.getContactPhone()), r.getIndustry(), r.getAddressLine1(), r.getAddressLine2(), r.getCity(), r.getState(), r.getZipCode(),
        r.getEstimatedMonthlySpend(),
        ClientStatus.fromKey(r.getStatus()).orElseThrow(() -> new IllegalStateException("status " + r.getStatus())),
        r.getAccountOwnerId() == null ? null : new UserId(r.getAccountOwnerId()), r.getCompanyId());
    return new Client(new ClientId(r.getId()), new TenantId(r.getTenantId()), details,
        r.getAccountOwnerAssignedDate() == null ? null : r.getAccountOwnerAssignedDate().toInstant(),
        r.getCreatedBy() == null ? null : new UserId(r.getCreatedBy()), r.getCreatedAt().toInstant(),
        r.getUpdatedAt().toInstant(), r.getDeletedAt() == null ? null : r.getDeletedAt().toInstant(), r.getVersion());
  }

}
