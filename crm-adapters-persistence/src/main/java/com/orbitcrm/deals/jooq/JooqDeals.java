package com.orbitcrm.deals.jooq;

import static org.orbitcrm.db.jooq.Tables.CRM_CUSTOM_FIELD_VALUES;
import static org.orbitcrm.db.jooq.Tables.CRM_DEALS;
import static org.orbitcrm.db.jooq.Tables.DEAL_SEARCH_WORDS;
import static org.orbitcrm.db.jooq.Tables.PIPELINE_STAGES;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.customfields.ValueFilter;
import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ClosedTotal;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealPage;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.ForecastTotal;
import com.orbitcrm.deals.MonthlyClosed;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Probability;
import com.orbitcrm.deals.Reached;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.deals.StageReach;
import com.orbitcrm.deals.port.Deals;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.Contact;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.Money;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Objects;
import java.util.HashMap;
import com.orbitcrm.platform.SearchWords;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.orbitcrm.db.jooq.tables.records.CrmDealsRecord;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/**
 * Deals in PostgreSQL. A deal is read with its stage's row ({@code pipeline_stages}); board columns are
 * read by (pipeline, stage, rank) on the unique index of V9, whose text ranks compare with leakproof
 * operators, so "load more" is an index range under row-level security.
 */
@Repository
class JooqDeals implements Deals {

  private final DSLContext dsl;
  private final DealFigureQueries figures;

  JooqDeals(DSLContext dsl) {
    this.dsl = dsl;
    this.figures = new DealFigureQueries(dsl);
  }

  /** Deals joined with their stage, which is part of what a {@link Deal} is. */
  private SelectJoinStep<Record> deals() {
    return dsl.select(CRM_DEALS.fields()).select(PIPELINE_STAGES.LABEL, PIPELINE_STAGES.COLOR,
            PIPELINE_STAGES.POSITION, PIPELINE_STAGES.PROBABILITY, PIPELINE_STAGES.KIND,
            PIPELINE_STAGES.REQUIRED_FIELDS)
        .from(CRM_DEALS)
        .join(PIPELINE_STAGES).on(PIPELINE_STAGES.TENANT_ID.eq(CRM_DEALS.TENANT_ID),
            PIPELINE_STAGES.PIPELINE_ID.eq(CRM_DEALS.PIPELINE_ID), PIPELINE_STAGES.KEY.eq(CRM_DEALS.STAGE));
  }

  @Override
  public Optional<Deal> find(TenantId tenant, DealId id) {
    return deals()
        .where(CRM_DEALS.TENANT_ID.eq(tenant.value()), CRM_DEALS.ID.eq(id.value()))
        .fetchOptional(JooqDeals::toDeal);
  }

  @Override
  public List<Deal> findByWords(TenantId tenant, List<String> words, int limit) {
    if (words.isEmpty()) {
      return List.of();
    }
    var w = DEAL_SEARCH_WORDS.as("w");
    // The longest word drives (the narrowest range of the index); the others are checked per record.
    String first = words.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
    Condition where = w.TENANT_ID.eq(tenant.value()).and(w.WORD.between(first,
        first + SearchWords.LAST));
    for (String other : words.stream().filter(o -> !o.equals(first)).toList()) {
      var o = DEAL_SEARCH_WORDS.as("o");
      where = where.and(DSL.exists(DSL.selectOne().from(o).where(o.TENANT_ID.eq(tenant.value()),
          o.DEAL_ID.eq(w.DEAL_ID), o.WORD.between(other, other + SearchWords.LAST))));
    }
    List<UUID> ids = dsl.select(w.DEAL_ID).from(w).where(where).orderBy(w.WORD, w.DEAL_ID).limit(limit * 4)
        .fetch(r -> r.value1()).stream().distinct().limit(limit).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Deal> found = new HashMap<>();
    deals().where(CRM_DEALS.TENANT_ID.eq(tenant.value()), CRM_DEALS.ID.in(ids), CRM_DEALS.DELETED_AT.isNull())
        .fetch(JooqDeals::toDeal).forEach(d -> found.put(d.id().value(), d));
    return ids.stream().map(found::get).filter(Objects::nonNull).toList();
  }

  @Override
  public DealPage find(TenantId tenant, DealQuery q) {
    Condition where = filtered(tenant, q);
    if (q.after() != null) {
      where = where.and(DSL.row(CRM_DEALS.CREATED_AT, CRM_DEALS.ID)
          .lt(DSL.val(q.after().createdAt().atOffset(ZoneOffset.UTC)), DSL.val(q.after().id())));
    }
    List<Deal> rows = deals()
        .where(where)
        .orderBy(CRM_DEALS.CREATED_AT.desc(), CRM_DEALS.ID.desc())
        .limit(q.limit() + 1)
        .fetch(JooqDeals::toDeal);
    if (rows.size() <= q.limit()) {
      return new DealPage(rows, null);
    }
    List<Deal> page = List.copyOf(rows.subList(0, q.limit()));
    Deal last = page.getLast();
    return new DealPage(page, new CreatedCursor(last.createdAt(), last.id().value()));
  }

  @Override
  public void each(TenantId tenant, DealQuery q, int chunk, Consumer<List<Deal>> sink) {
    // One query read through a server-side cursor (the fetch size), inside the caller's transaction.
    try (Cursor<Record> rows = deals()
        .where(filtered(tenant, q))
        .orderBy(CRM_DEALS.CREATED_AT.desc(), CRM_DEALS.ID.desc())
        .fetchSize(chunk)
        .fetchLazy()) {
      while (rows.hasNext()) {
        sink.accept(rows.fetchNext(chunk).map(JooqDeals::toDeal));
      }
    }
  }

  /** The deals a query's filters match, wherever its pages start. */
  private Condition filtered(TenantId tenant, DealQuery q) {
    Condition where = CRM_DEALS.TENANT_ID.eq(tenant.value())
        .and(q.trashed() ? CRM_DEALS.DELETED_AT.isNotNull() : CRM_DEALS.DELETED_AT.isNull());
    if (q.pipeline() != null) {
      where = where.and(CRM_DEALS.PIPELINE_ID.eq(q.pipeline().value()));
    }
    if (q.stage() != null) {
      where = where.and(CRM_DEALS.STAGE.eq(q.stage()));
    }
    if (q.clientId() != null) {
      where = where.and(CRM_DEALS.CLIENT_ID.eq(q.clientId().value()));
    }
    if (!q.statuses().isEmpty()) {
      where = where.and(PIPELINE_STAGES.KIND.in(q.statuses().stream().map(StageKind::key).toList()));
    }
    if (q.closedFrom() != null) {
      where = where.and(CRM_DEALS.ACTUAL_CLOSE_DATE.ge(q.closedFrom()));
    }
    if (q.closedTo() != null) {
      where = where.and(CRM_DEALS.ACTUAL_CLOSE_DATE.le(q.closedTo()));
    }
    where = where.and(narrowed(new BoardFilter(q.ownerId(), q.search(), q.closeFrom(), q.closeTo())));
    for (ValueFilter f : q.fields()) {
      where = where.and(CRM_DEALS.ID.in(holding(tenant, f)));
    }
    return where;
  }

  /**
   * The deals whose value of a custom field is in the filter's key range: a range scan of the values' primary
   * key (tenant_id, field_id, key, entity_id), leakproof text and uuid comparisons (V16).
   */
  private Select<Record1<UUID>> holding(TenantId tenant, ValueFilter f) {
    var v = CRM_CUSTOM_FIELD_VALUES;
    return DSL.select(v.ENTITY_ID).from(v)
        .where(v.TENANT_ID.eq(tenant.value()), v.FIELD_ID.eq(f.field().value()))
        .and(f.from() == null ? DSL.noCondition() : v.KEY.ge(f.from()))
        .and(f.to() == null ? DSL.noCondition() : v.KEY.le(f.to()))
        .and(f.exact() == null ? DSL.noCondition() : v.VALUE.eq(f.exact()));
  }

  /** The board filter's custom-field filters (board columns and their totals). */
  private Condition holdingAll(TenantId tenant, BoardFilter filter) {
    Condition where = DSL.noCondition();
    for (ValueFilter f : filter.fields()) {
      where = where.and(CRM_DEALS.ID.in(holding(tenant, f)));
    }
    return where;
  }

  @Override
  public Map<DealId, String> names(TenantId tenant, Collection<DealId> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return dsl.select(CRM_DEALS.ID, CRM_DEALS.NAME)
        .from(CRM_DEALS)
        .where(CRM_DEALS.TENANT_ID.eq(tenant.value()), CRM_DEALS.ID.in(ids.stream().map(DealId::value).toList()),
            CRM_DEALS.DELETED_AT.isNull())
        .fetchMap(r -> new DealId(r.value1()), r -> r.value2());
  }

  /** A transaction-level advisory lock keyed by the workspace and the pipeline. */
  @Override
  public void lockColumnEnds(TenantId tenant, com.orbitcrm.deals.PipelineId pipeline) {
    dsl.fetch("select pg_advisory_xact_lock(hashtextextended(?, 0))", "deal-ranks:" + tenant + ":" + pipeline);
  }

  /** {@code lower(contact_email)}: a filter over the workspace's live deals, once per batch. */
  @Override
  public Map<String, DealId> findLiveByContactEmail(TenantId tenant, Collection<String> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    var key = DSL.lower(DSL.trim(CRM_DEALS.CONTACT_EMAIL));
    var found = new java.util.LinkedHashMap<String, DealId>();
    dsl.select(key, CRM_DEALS.ID)
        .from(CRM_DEALS)
        .where(CRM_DEALS.TENANT_ID.eq(tenant.value()), CRM_DEALS.DELETED_AT.isNull())
        .and(key.in(keys))
        .orderBy(CRM_DEALS.CREATED_AT, CRM_DEALS.ID)
        .forEach(r -> found.putIfAbsent(r.value1(), new DealId(r.value2())));
    return found;
  }

  @Override
  public void insert(Deal deal) {
    CrmDealsRecord r = dsl.newRecord(CRM_DEALS);
    write(r, deal);
    r.setTenantId(deal.tenant().value());
    r.setId(deal.id().value());
    r.setPipelineId(deal.pipeline().value());
    r.setCreatedBy(deal.createdBy() == null ? null : deal.createdBy().value());
    r.setCreatedAt(at(deal.createdAt()));
    r.setUpdatedAt(at(deal.updatedAt()));
    try {
      dsl.insertInto(CRM_DEALS).set(r).execute();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("Another deal took that place in the column at the same moment: try again");
    }
  }

  /**
   * A transaction-level advisory lock on (workspace, pipeline, stage), released at commit or rollback: no row
   * is written or locked, and two columns only share a lock when their hashes collide (then they wait, briefly,
   * for nothing worse).
   */
  @Override
  public void holdColumnEnd(TenantId tenant, Pipeline pipeline, String stage) {
    dsl.fetch("select pg_advisory_xact_lock(hashtextextended({0}, 0))",
        DSL.val("deal-column:" + tenant.value() + ":" + pipeline.id().value() + ":" + stage));
  }

  /** The rows of {@link #insert}, many per statement (the figures' statement triggers see them at once). */
  @Override
  public void insertAll(List<Deal> deals) {
    for (int from = 0; from < deals.size(); from += 1_000) {
      List<Deal> chunk = deals.subList(from, Math.min(deals.size(), from + 1_000));
      org.jooq.InsertSetMoreStep<CrmDealsRecord> insert = null;
      for (Deal deal : chunk) {
        CrmDealsRecord r = dsl.newRecord(CRM_DEALS);
        write(r, deal);
        r.setTenantId(deal.tenant().value());
        r.setId(deal.id().value());
        r.setPipelineId(deal.pipeline().value());
        r.setCreatedBy(deal.createdBy() == null ? null : deal.createdBy().value());
        r.setCreatedAt(at(deal.createdAt()));
        r.setUpdatedAt(at(deal.updatedAt()));
        insert = insert == null ? dsl.insertInto(CRM_DEALS).set(r) : insert.newRecord().set(r);
      }
      try {
        insert.execute();
      } catch (DuplicateKeyException e) {
        throw new ConflictException("Another deal took a place in the column at the same moment: try again");
      }
    }
  }

  @Override
  public List<DealId> trashAll(TenantId tenant, java.util.Collection<DealId> ids, Instant at) {
    List<java.util.UUID> all = ids.stream().map(DealId::value).toList();
    var trashed = new java.util.ArrayList<DealId>();
    // In slices: a statement takes at most 65,535 bind values.
    for (int from = 0; from < all.size(); from += 10_000) {
      trashed.addAll(dsl.update(CRM_DEALS)
          .set(CRM_DEALS.DELETED_AT, at(at))
          .where(CRM_DEALS.TENANT_ID.eq(tenant.value()),
              CRM_DEALS.ID.in(all.subList(from, Math.min(all.size(), from + 10_000))))
          .and(CRM_DEALS.DELETED_AT.isNull())
          .returning(CRM_DEALS.ID)
          .fetch(r -> new DealId(r.getId())));
    }
    return trashed;
  }

  @Override
  public boolean update(Deal deal) {
    CrmDealsRecord r = dsl.newRecord(CRM_DEALS);
    write(r, deal);
    try {
      return dsl.update(CRM_DEALS)
          .set(r)
          .where(CRM_DEALS.TENANT_ID.eq(deal.tenant().value()), CRM_DEALS.ID.eq(deal.id().value()))
          .and(CRM_DEALS.VERSION.eq(deal.version()))
          .and(CRM_DEALS.DELETED_AT.isNull())
          .execute() == 1;
    } catch (DuplicateKeyException e) {
      throw new ConflictException("Another deal took that place in the column at the same moment: try again");
    } catch (DataIntegrityViolationException e) {
      // The stage (or pipeline) was removed by an admin between reading it and this write.
      throw new ConflictException("That stage was changed meanwhile: reload and try again");
    }
  }

  @Override
  public List<Deal> inStage(TenantId tenant, Pipeline pipeline, String stage) {
    var inStage = pipeline.stage(stage).orElseThrow(() -> new IllegalArgumentException("no stage " + stage));
    return dsl.selectFrom(CRM_DEALS)
        .where(column(tenant, pipeline, stage, null))
        .orderBy(CRM_DEALS.RANK)
        .fetch(r -> toDeal(r, inStage));
  }

  @Override
  public void moveTrashed(TenantId tenant, Pipeline pipeline, String from, String to) {
    dsl.update(CRM_DEALS).set(CRM_DEALS.STAGE, to)
        .where(CRM_DEALS.TENANT_ID.eq(tenant.value()), CRM_DEALS.PIPELINE_ID.eq(pipeline.id().value()),
            CRM_DEALS.STAGE.eq(from), CRM_DEALS.DELETED_AT.isNotNull())
        .execute();
  }

  @Override
  public long countOn(TenantId tenant, Pipeline pipeline) {
    return dsl.fetchCount(CRM_DEALS, CRM_DEALS.TENANT_ID.eq(tenant.value()),
        CRM_DEALS.PIPELINE_ID.eq(pipeline.id().value()), CRM_DEALS.DELETED_AT.isNull());
  }

  private static void write(CrmDealsRecord r, Deal deal) {
    DealDetails d = deal.details();
    DealProgress p = deal.progress();
    r.setName(d.name());
    r.setDescription(d.description());
    r.setValue(d.value().amount());
    r.setCurrency(d.currency());
    r.setClientId(d.clientId() == null ? null : d.clientId().value());
    r.setContactName(d.contactName());
    r.setContactEmail(d.contactEmail());
    r.setContactPhone(d.contactPhone());
    r.setExpectedCloseDate(d.expectedCloseDate());
    r.setOwnerId(d.ownerId() == null ? null : d.ownerId().value());
    r.setSource(d.source());
    r.setPipelineId(deal.pipeline().value());
    r.setStage(p.stage().key());
    r.setRank(deal.rank());
    r.setProbability(p.probability().percent());
    r.setProbabilityManual(p.probabilityManual());
    r.setActualCloseDate(p.actualCloseDate());
    r.setLostReason(p.lostReason());
    r.setReached(JSONB.valueOf(reachedJson(deal.reached())));
  }

  /** {"lead": "2026-11-03", …}: step keys are [a-z0-9_], days ISO dates; nothing needs escaping. */
  static String reachedJson(Reached reached) {
    return reached.firstOn().entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static final Pattern REACHED_STEP = Pattern.compile("\"([a-z][a-z0-9_]*)\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\"");

  static Reached reached(@Nullable JSONB json) {
    if (json == null) {
      return Reached.NONE;
    }
    var days = new LinkedHashMap<String, LocalDate>();
    Matcher m = REACHED_STEP.matcher(json.data());
    while (m.find()) {
      days.put(m.group(1), LocalDate.parse(m.group(2)));
    }
    return new Reached(days);
  }

  /** The live cards of one column, without {@code except}. */
  private static Condition column(TenantId tenant, Pipeline pipeline, String stage, @Nullable DealId except) {
    return CRM_DEALS.TENANT_ID.eq(tenant.value()).and(CRM_DEALS.PIPELINE_ID.eq(pipeline.id().value()))
        .and(CRM_DEALS.STAGE.eq(stage)).and(CRM_DEALS.DELETED_AT.isNull())
        .and(except == null ? DSL.noCondition() : CRM_DEALS.ID.ne(except.value()));
  }

  @Override
  public Neighbours neighbours(TenantId tenant, Pipeline pipeline, String stage, int position,
                               @Nullable DealId moving) {
    List<String> around = dsl.select(CRM_DEALS.RANK)
        .from(CRM_DEALS)
        .where(column(tenant, pipeline, stage, moving))
        .orderBy(CRM_DEALS.RANK)
        .offset(Math.max(0, position - 1))
        .limit(position == 0 ? 1 : 2)
        .fetch(CRM_DEALS.RANK);
    if (position == 0) {
      return new Neighbours(null, around.isEmpty() ? null : around.getFirst());
    }
    return new Neighbours(around.isEmpty() ? null : around.getFirst(), around.size() < 2 ? null : around.get(1));
  }

  @Override
  public Optional<String> lastRank(TenantId tenant, Pipeline pipeline, String stage, @Nullable DealId except) {
    return dsl.select(CRM_DEALS.RANK)
        .from(CRM_DEALS)
        .where(column(tenant, pipeline, stage, except))
        .orderBy(CRM_DEALS.RANK.desc())
        .limit(1)
        .fetchOptional(CRM_DEALS.RANK);
  }

  @Override
  public Optional<String> adjacentRank(TenantId tenant, Pipeline pipeline, String stage, String rank, boolean above,
                                       @Nullable DealId except) {
    return dsl.select(CRM_DEALS.RANK)
        .from(CRM_DEALS)
        .where(column(tenant, pipeline, stage, except)
            .and(above ? CRM_DEALS.RANK.gt(rank) : CRM_DEALS.RANK.lt(rank)))
        .orderBy(above ? CRM_DEALS.RANK.asc() : CRM_DEALS.RANK.desc())
        .limit(1)
        .fetchOptional(CRM_DEALS.RANK);
  }

  @Override
  public List<Deal> column(TenantId tenant, Pipeline pipeline, String stage, BoardFilter filter,
                           @Nullable String afterRank, int limit) {
    Condition where = column(tenant, pipeline, stage, null).and(narrowed(filter)).and(holdingAll(tenant, filter))
        .and(afterRank == null ? DSL.noCondition() : CRM_DEALS.RANK.gt(afterRank));
    // The column's stage is known: no join to read it once per card.
    var inStage = pipeline.stage(stage).orElseThrow(() -> new IllegalArgumentException("no stage " + stage));
    return dsl.selectFrom(CRM_DEALS)
        .where(where)
        .orderBy(CRM_DEALS.RANK)
        .limit(limit)
        .fetch(r -> toDeal(r, inStage));
  }

  /**
   * Count, value and weighted value per stage and currency. The weighted value repeats the domain's one
   * rule ({@link Probability#weigh}: value × probability / 100, exact) in SQL, so the sum of a column is
   * the exact sum of its cards' weighted values; a test holds the two together.
   */
  @Override
  public List<ColumnTotal> totals(TenantId tenant, Pipeline pipeline, BoardFilter filter, @Nullable String stage) {
    if (DealFigureQueries.kept(filter)) {
      return figures.totals(tenant, pipeline, filter, stage);
    }
    var count = DSL.count();
    var value = DSL.sum(CRM_DEALS.VALUE);
    var weighted = DSL.sum(CRM_DEALS.VALUE.times(CRM_DEALS.PROBABILITY));
    return dsl.select(CRM_DEALS.STAGE, CRM_DEALS.CURRENCY, count, value, weighted)
        .from(CRM_DEALS)
        .where(CRM_DEALS.TENANT_ID.eq(tenant.value()), CRM_DEALS.PIPELINE_ID.eq(pipeline.id().value()),
            CRM_DEALS.DELETED_AT.isNull())
        .and(narrowed(filter))
        .and(holdingAll(tenant, filter))
        .and(stage == null ? DSL.noCondition() : CRM_DEALS.STAGE.eq(stage))
        .groupBy(CRM_DEALS.STAGE, CRM_DEALS.CURRENCY)
        .orderBy(CRM_DEALS.STAGE, CRM_DEALS.CURRENCY)
        .fetch(r -> new ColumnTotal(r.value1(), r.value3(), new Money(r.value4(), r.value2()),
            new Money(r.value5().movePointLeft(2), r.value2())));
  }

  /**
   * {@link #totals} for the deals a list query matches, on one pipeline: the kept sums when nothing but the
   * owner narrows the live deals, else one aggregate over the list's own conditions.
   */
  @Override
  public List<ColumnTotal> summary(TenantId tenant, Pipeline pipeline, DealQuery query) {
    if (!query.ownedBy(null).narrowed() && !query.trashed()) {
      // Kept per owner too.
      return figures.totals(tenant, pipeline, new BoardFilter(query.ownerId(), null, null, null), null);
    }
    var count = DSL.count();
    var value = DSL.sum(CRM_DEALS.VALUE);
    var weighted = DSL.sum(CRM_DEALS.VALUE.times(CRM_DEALS.PROBABILITY));
    return dsl.select(CRM_DEALS.STAGE, CRM_DEALS.CURRENCY, count, value, weighted)
        .from(CRM_DEALS)
        .join(PIPELINE_STAGES).on(PIPELINE_STAGES.TENANT_ID.eq(CRM_DEALS.TENANT_ID),
            PIPELINE_STAGES.PIPELINE_ID.eq(CRM_DEALS.PIPELINE_ID), PIPELINE_STAGES.KEY.eq(CRM_DEALS.STAGE))
        .where(filtered(tenant, query.inPipeline(pipeline.id())))
        .groupBy(CRM_DEALS.STAGE, CRM_DEALS.CURRENCY)
        .orderBy(CRM_DEALS.STAGE, CRM_DEALS.CURRENCY)
        .fetch(r -> new ColumnTotal(r.value1(), r.value3(), new Money(r.value4(), r.value2()),
            new Money(r.value5().movePointLeft(2), r.value2())));
  }

  /** Owner, text and expected-close range, as the board and the API's list narrow deals. */
  private static Condition narrowed(BoardFilter filter) {
    Condition where = DSL.noCondition();
    if (filter.ownerId() != null) {
      where = where.and(CRM_DEALS.OWNER_ID.eq(filter.ownerId().value()));
    }
    if (filter.search() != null && !filter.search().isBlank()) {
      where = where.and(matches(filter.search()));
    }
    if (filter.closeFrom() != null) {
      where = where.and(CRM_DEALS.EXPECTED_CLOSE_DATE.ge(filter.closeFrom()));
    }
    if (filter.closeTo() != null) {
      where = where.and(CRM_DEALS.EXPECTED_CLOSE_DATE.le(filter.closeTo()));
    }
    return where;
  }

  /**
   * Text in the deal's name or contact name, case-insensitive. A filter on the rows an index already
   * narrowed to one workspace (and one column on the board), not an index condition: measured in the
   * board benchmark.
   */
  private static Condition matches(String search) {
    String needle = search.strip().toLowerCase(Locale.ROOT);
    return DSL.lower(CRM_DEALS.NAME).contains(needle).or(DSL.lower(CRM_DEALS.CONTACT_NAME).contains(needle));
  }

  @Override
  public boolean trash(TenantId tenant, DealId id, Instant at) {
    return dsl.update(CRM_DEALS)
        .set(CRM_DEALS.DELETED_AT, at(at))
        .where(CRM_DEALS.TENANT_ID.eq(tenant.value()), CRM_DEALS.ID.eq(id.value()), CRM_DEALS.DELETED_AT.isNull())
        .execute() == 1;
  }

  @Override
  public boolean restore(TenantId tenant, DealId id) {
    try {
      return dsl.update(CRM_DEALS)
          .setNull(CRM_DEALS.DELETED_AT)
          .where(CRM_DEALS.TENANT_ID.eq(tenant.value()), CRM_DEALS.ID.eq(id.value()), CRM_DEALS.DELETED_AT.isNotNull())
          .execute() == 1;
    } catch (DuplicateKeyException e) {
      throw new ConflictException("Its old place in the column is taken: move it after restoring");
    }
  }

  @Override
  public List<DealId> purgeTrashedBefore(TenantId tenant, Instant cutoff) {
    return dsl.deleteFrom(CRM_DEALS)
        .where(CRM_DEALS.TENANT_ID.eq(tenant.value()), CRM_DEALS.DELETED_AT.lt(at(cutoff)))
        .returning(CRM_DEALS.ID)
        .fetch(r -> new DealId(r.getId()));
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Deal toDeal(Record rec) {
    var stage = JooqPipelines.stage(rec.get(CRM_DEALS.STAGE), rec.get(PIPELINE_STAGES.LABEL),
        rec.get(PIPELINE_STAGES.COLOR), rec.get(PIPELINE_STAGES.POSITION), rec.get(PIPELINE_STAGES.PROBABILITY),
        rec.get(PIPELINE_STAGES.KIND), rec.get(PIPELINE_STAGES.REQUIRED_FIELDS));
    return toDeal(rec.into(CRM_DEALS), stage);
  }

  private static Deal toDeal(CrmDealsRecord r, Stage stage) {
    var details = new DealDetails(r.getName(), r.getDescription(), new Money(r.getValue(), r.getCurrency()),
        r.getClientId() == null ? null : new ClientId(r.getClientId()),
        new Contact(r.getContactName(), r.getContactEmail(), r.getContactPhone()), r.getExpectedCloseDate(),
        r.getOwnerId() == null ? null : new UserId(r.getOwnerId()), r.getSource());
    var progress = new DealProgress(stage, new Probability(r.getProbability()), r.getProbabilityManual(),
        r.getActualCloseDate(), r.getLostReason());
    return new Deal(new DealId(r.getId()), new TenantId(r.getTenantId()), new PipelineId(r.getPipelineId()), details,
        progress, r.getRank(), reached(r.getReached()), r.getCreatedBy() == null ? null : new UserId(r.getCreatedBy()),
        r.getCreatedAt().toInstant(), r.getUpdatedAt().toInstant(),
        r.getDeletedAt() == null ? null : r.getDeletedAt().toInstant(), r.getVersion());
  }

  // ---- Figures for the dashboard ----------------------------------------------------------------

  /** The pipeline's live deals under the owner filter (the dashboard's "deals of the workspace"). */
  private static Condition live(TenantId tenant, Pipeline pipeline, BoardFilter filter) {
    return CRM_DEALS.TENANT_ID.eq(tenant.value()).and(CRM_DEALS.PIPELINE_ID.eq(pipeline.id().value()))
        .and(CRM_DEALS.DELETED_AT.isNull()).and(narrowed(filter));
  }

  private static List<String> keys(Pipeline pipeline, Predicate<Stage> which) {
    return pipeline.stages().stream().filter(which).map(Stage::key).toList();
  }

  /**
   * Repeats {@code DealFacts.closed} in SQL: closed means a won or lost stage with a close date; the cycle
   * is counted from the day of creation in the workspace's zone to the close date.
   */
  @Override
  public List<ClosedTotal> closed(TenantId tenant, Pipeline pipeline, BoardFilter filter, @Nullable LocalDate from,
                                  @Nullable LocalDate to, ZoneId zone) {
    if (DealFigureQueries.kept(filter) && DealFigureQueries.wholeMonths(from, to)) {
      return figures.closed(tenant, pipeline, filter, from, to);
    }
    Field<LocalDate> enteredOn = DSL.field("({0} at time zone {1})::date", LocalDate.class, CRM_DEALS.CREATED_AT,
        DSL.val(zone.getId()));
    Field<Integer> days = DSL.field("{0} - {1}", Integer.class, CRM_DEALS.ACTUAL_CLOSE_DATE, enteredOn);
    var count = DSL.count();
    var value = DSL.sum(CRM_DEALS.VALUE);
    var cycle = DSL.sum(days);
    var rows = dsl.select(CRM_DEALS.STAGE, CRM_DEALS.CURRENCY, count, value, cycle)
        .from(CRM_DEALS)
        .where(live(tenant, pipeline, filter))
        .and(CRM_DEALS.STAGE.in(keys(pipeline, s -> !s.open())))
        .and(CRM_DEALS.ACTUAL_CLOSE_DATE.isNotNull())
        .and(from == null ? DSL.noCondition() : CRM_DEALS.ACTUAL_CLOSE_DATE.ge(from))
        .and(to == null ? DSL.noCondition() : CRM_DEALS.ACTUAL_CLOSE_DATE.le(to))
        .groupBy(CRM_DEALS.STAGE, CRM_DEALS.CURRENCY)
        .fetch();
    return DealFigureQueries.byKind(pipeline, rows);
  }

  @Override
  public List<MonthlyClosed> closedByMonth(TenantId tenant, Pipeline pipeline, BoardFilter filter, LocalDate from,
                                           LocalDate to) {
    DealFigureQueries.requireKept(filter, from, to);
    return figures.closedByMonth(tenant, pipeline, filter, from, to);
  }

  @Override
  public List<ForecastTotal> forecast(TenantId tenant, Pipeline pipeline, BoardFilter filter, LocalDate until) {
    DealFigureQueries.requireKept(filter, null, until);
    return figures.forecast(tenant, pipeline, filter, until);
  }

  @Override
  public long openWithoutCloseDate(TenantId tenant, Pipeline pipeline, BoardFilter filter) {
    DealFigureQueries.requireKept(filter, null, null);
    return figures.openWithoutCloseDate(tenant, pipeline, filter);
  }

  @Override
  public List<StageReach> reached(TenantId tenant, Pipeline pipeline, BoardFilter filter, @Nullable LocalDate from,
                                  @Nullable LocalDate to) {
    if (DealFigureQueries.kept(filter) && DealFigureQueries.wholeMonths(from, to)) {
      return figures.reached(tenant, pipeline, filter, from, to);
    }
    return figures.reachedFromDeals(live(tenant, pipeline, filter), from, to);
  }
}
