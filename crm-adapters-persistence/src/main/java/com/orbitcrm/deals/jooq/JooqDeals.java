package com.orbitcrm.deals.jooq;

import static org.orbitcrm.db.jooq.Tables.CRM_DEALS;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealPage;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.Deals;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.orbitcrm.db.jooq.tables.records.CrmDealsRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** Deals in PostgreSQL; board columns are read by (stage, rank) on the unique index of V6. */
@Repository
class JooqDeals implements Deals {

  private final DSLContext dsl;
  private final Pipeline pipeline = Pipeline.standard();

  JooqDeals(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Optional<Deal> find(TenantId tenant, DealId id) {
    return dsl.selectFrom(CRM_DEALS)
        .where(CRM_DEALS.TENANT_ID.eq(tenant.value()), CRM_DEALS.ID.eq(id.value()))
        .fetchOptional(this::toDeal);
  }

  @Override
  public DealPage find(TenantId tenant, DealQuery q) {
    Condition where = CRM_DEALS.TENANT_ID.eq(tenant.value())
        .and(q.trashed() ? CRM_DEALS.DELETED_AT.isNotNull() : CRM_DEALS.DELETED_AT.isNull());
    if (q.stage() != null) {
      where = where.and(CRM_DEALS.STAGE.eq(q.stage()));
    }
    if (q.clientId() != null) {
      where = where.and(CRM_DEALS.CLIENT_ID.eq(q.clientId().value()));
    }
    where = where.and(narrowed(new BoardFilter(q.ownerId(), q.search(), q.closeFrom(), q.closeTo())));
    if (q.after() != null) {
      where = where.and(DSL.row(CRM_DEALS.CREATED_AT, CRM_DEALS.ID)
          .lt(DSL.val(q.after().createdAt().atOffset(ZoneOffset.UTC)), DSL.val(q.after().id())));
    }
    List<Deal> rows = dsl.selectFrom(CRM_DEALS)
        .where(where)
        .orderBy(CRM_DEALS.CREATED_AT.desc(), CRM_DEALS.ID.desc())
        .limit(q.limit() + 1)
        .fetch(this::toDeal);
    if (rows.size() <= q.limit()) {
      return new DealPage(rows, null);
    }
    List<Deal> page = List.copyOf(rows.subList(0, q.limit()));
    Deal last = page.getLast();
    return new DealPage(page, new CreatedCursor(last.createdAt(), last.id().value()));
  }

  @Override
  public void insert(Deal deal) {
    CrmDealsRecord r = dsl.newRecord(CRM_DEALS);
    write(r, deal);
    r.setTenantId(deal.tenant().value());
    r.setId(deal.id().value());
    r.setCreatedBy(deal.createdBy() == null ? null : deal.createdBy().value());
    r.setCreatedAt(at(deal.createdAt()));
    r.setUpdatedAt(at(deal.updatedAt()));
    try {
      dsl.insertInto(CRM_DEALS).set(r).execute();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("Another deal took that place in the column at the same moment: try again");
    }
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
    }
  }

  private static void write(CrmDealsRecord r, Deal deal) {
    DealDetails d = deal.details();
    DealProgress p = deal.progress();
    r.setName(d.name());
    r.setDescription(d.description());
    r.setValue(d.value());
    r.setCurrency(d.currency());
    r.setClientId(d.clientId() == null ? null : d.clientId().value());
    r.setContactName(d.contactName());
    r.setContactEmail(d.contactEmail());
    r.setContactPhone(d.contactPhone());
    r.setExpectedCloseDate(d.expectedCloseDate());
    r.setOwnerId(d.ownerId() == null ? null : d.ownerId().value());
    r.setSource(d.source());
    r.setStage(p.stage().key());
    r.setStageOrder(deal.rank());
    r.setProbability(p.probability());
    r.setProbabilityManual(p.probabilityManual());
    r.setActualCloseDate(p.actualCloseDate());
    r.setLostReason(p.lostReason());
  }

  @Override
  public Neighbours neighbours(TenantId tenant, String stage, int position, @Nullable DealId moving) {
    Condition column = CRM_DEALS.TENANT_ID.eq(tenant.value()).and(CRM_DEALS.STAGE.eq(stage))
        .and(CRM_DEALS.DELETED_AT.isNull())
        .and(moving == null ? DSL.noCondition() : CRM_DEALS.ID.ne(moving.value()));
    List<BigDecimal> around = dsl.select(CRM_DEALS.STAGE_ORDER)
        .from(CRM_DEALS)
        .where(column)
        .orderBy(CRM_DEALS.STAGE_ORDER)
        .offset(Math.max(0, position - 1))
        .limit(position == 0 ? 1 : 2)
        .fetch(CRM_DEALS.STAGE_ORDER);
    if (position == 0) {
      return new Neighbours(null, around.isEmpty() ? null : around.getFirst());
    }
    return new Neighbours(around.isEmpty() ? null : around.getFirst(), around.size() < 2 ? null : around.get(1));
  }

  @Override
  public Optional<BigDecimal> lastRank(TenantId tenant, String stage, @Nullable DealId except) {
    return Optional.ofNullable(dsl.select(DSL.max(CRM_DEALS.STAGE_ORDER))
        .from(CRM_DEALS)
        .where(CRM_DEALS.TENANT_ID.eq(tenant.value()), CRM_DEALS.STAGE.eq(stage), CRM_DEALS.DELETED_AT.isNull())
        .and(except == null ? DSL.noCondition() : CRM_DEALS.ID.ne(except.value()))
        .fetchOne(0, BigDecimal.class));
  }

  @Override
  public Optional<BigDecimal> adjacentRank(TenantId tenant, String stage, BigDecimal rank, boolean above,
                                           @Nullable DealId except) {
    var column = CRM_DEALS.TENANT_ID.eq(tenant.value()).and(CRM_DEALS.STAGE.eq(stage))
        .and(CRM_DEALS.DELETED_AT.isNull())
        .and(except == null ? DSL.noCondition() : CRM_DEALS.ID.ne(except.value()));
    return dsl.select(CRM_DEALS.STAGE_ORDER)
        .from(CRM_DEALS)
        .where(column.and(above ? CRM_DEALS.STAGE_ORDER.gt(rank) : CRM_DEALS.STAGE_ORDER.lt(rank)))
        .orderBy(above ? CRM_DEALS.STAGE_ORDER.asc() : CRM_DEALS.STAGE_ORDER.desc())
        .limit(1)
        .fetchOptional(CRM_DEALS.STAGE_ORDER);
  }

  @Override
  public List<Deal> column(TenantId tenant, String stage, BoardFilter filter, @Nullable BigDecimal afterRank,
                           int limit) {
    Condition where = board(tenant, filter).and(CRM_DEALS.STAGE.eq(stage))
        .and(afterRank == null ? DSL.noCondition() : CRM_DEALS.STAGE_ORDER.gt(afterRank));
    return dsl.selectFrom(CRM_DEALS)
        .where(where)
        .orderBy(CRM_DEALS.STAGE_ORDER)
        .limit(limit)
        .fetch(this::toDeal);
  }

  @Override
  public List<ColumnTotal> totals(TenantId tenant, BoardFilter filter, @Nullable String stage) {
    var count = DSL.count();
    var value = DSL.sum(CRM_DEALS.VALUE);
    var weighted = DSL.sum(CRM_DEALS.VALUE.times(CRM_DEALS.PROBABILITY));
    return dsl.select(CRM_DEALS.STAGE, CRM_DEALS.CURRENCY, count, value, weighted)
        .from(CRM_DEALS)
        .where(board(tenant, filter).and(stage == null ? DSL.noCondition() : CRM_DEALS.STAGE.eq(stage)))
        .groupBy(CRM_DEALS.STAGE, CRM_DEALS.CURRENCY)
        .orderBy(CRM_DEALS.STAGE, CRM_DEALS.CURRENCY)
        .fetch(r -> new ColumnTotal(r.value1(), r.value2(), r.value3(), r.value4(),
            r.value5().divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)));
  }

  /** The live deals of the workspace under the board's filter. */
  private static Condition board(TenantId tenant, BoardFilter filter) {
    return CRM_DEALS.TENANT_ID.eq(tenant.value()).and(CRM_DEALS.DELETED_AT.isNull()).and(narrowed(filter));
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
   * Text in the deal's name or contact name, case-insensitive. A workspace holds thousands of deals, not
   * millions, and the tenant's rows come from an index: filtering them is cheap (measured in the board
   * benchmark), so deals need no word index like clients.
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

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private Deal toDeal(CrmDealsRecord r) {
    var details = new DealDetails(r.getName(), r.getDescription(), r.getValue(), r.getCurrency(),
        r.getClientId() == null ? null : new ClientId(r.getClientId()), r.getContactName(), r.getContactEmail(),
        r.getContactPhone(), r.getExpectedCloseDate(), r.getOwnerId() == null ? null : new UserId(r.getOwnerId()),
        r.getSource());
    var stage = pipeline.stage(r.getStage())
        .orElseThrow(() -> new IllegalStateException("unknown stage in the database: " + r.getStage()));
    var progress = new DealProgress(stage, r.getProbability(), r.getProbabilityManual(), r.getActualCloseDate(),
        r.getLostReason());
    return new Deal(new DealId(r.getId()), new TenantId(r.getTenantId()), details, progress, r.getStageOrder(),
        r.getCreatedBy() == null ? null : new UserId(r.getCreatedBy()), r.getCreatedAt().toInstant(),
        r.getUpdatedAt().toInstant(), r.getDeletedAt() == null ? null : r.getDeletedAt().toInstant(), r.getVersion());
  }
}
