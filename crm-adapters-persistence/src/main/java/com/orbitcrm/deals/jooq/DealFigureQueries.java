package com.orbitcrm.deals.jooq;

import static org.orbitcrm.db.jooq.Tables.CRM_DEALS;
import static org.orbitcrm.db.jooq.Tables.CRM_DEAL_FIGURES;

import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ClosedTotal;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.ForecastTotal;
import com.orbitcrm.deals.MonthlyClosed;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.deals.StageReach;
import com.orbitcrm.platform.Money;
import com.orbitcrm.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's sums. They are read from {@code crm_deal_figures}, which triggers on {@code crm_deals}
 * keep in step with every change of a deal (V10): a few hundred rows per workspace instead of every deal,
 * and never stale. Those rows are per owner and calendar month: the totals of a board filtered by text or
 * close dates, and closed deals and reached steps over a custom range that is not whole months, are summed
 * from the deals themselves instead ({@code JooqDeals}, {@link #reachedFromDeals}); the figures only the
 * dashboard asks for are refused otherwise ({@link #requireKept}). Both ways repeat the rules of
 * {@code insights.DealFacts}; {@code DealFiguresIntegrationTest} holds them to it.
 */
final class DealFigureQueries {

  private static final org.orbitcrm.db.jooq.tables.CrmDealFigures F = CRM_DEAL_FIGURES;

  private final DSLContext dsl;

  DealFigureQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Whether the kept sums can answer for {@code filter}: they are kept per owner, not per text or date. */
  static boolean kept(BoardFilter filter) {
    return (filter.search() == null || filter.search().isBlank()) && filter.closeFrom() == null
        && filter.closeTo() == null && filter.fields().isEmpty();
  }

  /** Whether a range of days is whole calendar months (open ends are). */
  static boolean wholeMonths(@Nullable LocalDate from, @Nullable LocalDate to) {
    return (from == null || from.getDayOfMonth() == 1)
        && (to == null || to.equals(YearMonth.from(to).atEndOfMonth()));
  }

  /**
   * Refuses what the kept sums cannot answer: a filter other than the owner, or days that are not whole
   * months. The dashboard asks neither of the figures that have no other way (won and lost per month, the
   * forecast, open deals without a date).
   */
  static void requireKept(BoardFilter filter, @Nullable LocalDate from, @Nullable LocalDate to) {
    if (!kept(filter) || !wholeMonths(from, to)) {
      throw new IllegalArgumentException("kept per owner and calendar month only: " + filter + ", " + from + " – " + to);
    }
  }

  /** The kept rows of a kind for the pipeline and, if the filter names one, its owner. */
  private static Condition rows(TenantId tenant, Pipeline pipeline, BoardFilter filter, String kind) {
    return F.TENANT_ID.eq(tenant.value()).and(F.PIPELINE_ID.eq(pipeline.id().value())).and(F.KIND.eq(kind))
        .and(filter.ownerId() == null ? DSL.noCondition() : F.OWNER_ID.eq(filter.ownerId().value()));
  }

  private static List<String> keys(Pipeline pipeline, Predicate<Stage> which) {
    return pipeline.stages().stream().filter(which).map(Stage::key).toList();
  }

  /** Live deals per stage (all, or {@code stage}) and currency: count, value and exact weighted value. */
  List<ColumnTotal> totals(TenantId tenant, Pipeline pipeline, BoardFilter filter, @Nullable String stage) {
    var deals = DSL.sum(F.DEALS);
    return dsl.select(F.STAGE, F.CURRENCY, deals, DSL.sum(F.VALUE), DSL.sum(F.WEIGHTED))
        .from(F)
        .where(rows(tenant, pipeline, filter, "d"))
        .and(stage == null ? DSL.noCondition() : F.STAGE.eq(stage))
        .groupBy(F.STAGE, F.CURRENCY)
        .having(deals.ne(BigDecimal.ZERO))
        .orderBy(F.STAGE, F.CURRENCY)
        .fetch(r -> new ColumnTotal(r.value1(), r.value3().longValueExact(), new Money(r.value4(), r.value2()),
            new Money(r.value5().movePointLeft(2), r.value2())));
  }

  /** Live deals closed in whole months from {@code from} to {@code to}, per kind and currency, with their cycles. */
  List<ClosedTotal> closed(TenantId tenant, Pipeline pipeline, BoardFilter filter, @Nullable LocalDate from,
                           @Nullable LocalDate to) {
    var deals = DSL.sum(F.DEALS);
    var rows = dsl.select(F.STAGE, F.CURRENCY, deals, DSL.sum(F.VALUE), DSL.sum(F.CYCLE_DAYS))
        .from(F)
        .where(rows(tenant, pipeline, filter, "d"))
        .and(F.STAGE.in(keys(pipeline, s -> !s.open())))
        .and(F.EVENT_MONTH.isNotNull())
        .and(from == null ? DSL.noCondition() : F.EVENT_MONTH.ge(from))
        .and(to == null ? DSL.noCondition() : F.EVENT_MONTH.le(to.withDayOfMonth(1)))
        .groupBy(F.STAGE, F.CURRENCY)
        .having(deals.ne(BigDecimal.ZERO))
        .fetch();
    return byKind(pipeline, rows);
  }

  /**
   * Sums per stage and currency (stage, currency, count, value, cycle days) as closed totals per kind and
   * currency: a pipeline may have several won or lost stages.
   */
  static List<ClosedTotal> byKind(Pipeline pipeline,
      List<? extends Record5<String, String, ? extends Number, BigDecimal, ? extends Number>> rows) {
    var totals = new LinkedHashMap<String, ClosedTotal>();
    for (var r : rows) {
      StageKind kind = pipeline.stage(r.value1()).orElseThrow().kind();
      var total = new ClosedTotal(kind, r.value3().longValue(), new Money(r.value4(), r.value2()),
          r.value5().longValue());
      totals.merge(kind + "|" + r.value2(), total, (a, b) -> new ClosedTotal(kind, a.count() + b.count(),
          a.value().plus(b.value()), a.cycleDays() + b.cycleDays()));
    }
    return List.copyOf(totals.values());
  }

  /** Live deals closed in the whole months from {@code from} to {@code to}, per month, kind and currency. */
  List<MonthlyClosed> closedByMonth(TenantId tenant, Pipeline pipeline, BoardFilter filter, LocalDate from,
                                    LocalDate to) {
    var deals = DSL.sum(F.DEALS);
    var rows = dsl.select(F.EVENT_MONTH, F.STAGE, F.CURRENCY, deals, DSL.sum(F.VALUE))
        .from(F)
        .where(rows(tenant, pipeline, filter, "d"))
        .and(F.STAGE.in(keys(pipeline, s -> !s.open())))
        .and(F.EVENT_MONTH.between(from, to.withDayOfMonth(1)))
        .groupBy(F.EVENT_MONTH, F.STAGE, F.CURRENCY)
        .having(deals.ne(BigDecimal.ZERO))
        .fetch();
    var totals = new LinkedHashMap<String, MonthlyClosed>();
    for (var r : rows) {
      StageKind kind = pipeline.stage(r.value2()).orElseThrow().kind();
      var month = YearMonth.from(r.value1());
      var m = new MonthlyClosed(month, kind, r.value4().longValueExact(), new Money(r.value5(), r.value3()));
      totals.merge(month + "|" + kind + "|" + r.value3(), m, (a, b) -> new MonthlyClosed(month, kind,
          a.count() + b.count(), a.value().plus(b.value())));
    }
    return List.copyOf(totals.values());
  }

  /** Live open deals expected to close by the end of {@code until}'s month, per month, stage and currency. */
  List<ForecastTotal> forecast(TenantId tenant, Pipeline pipeline, BoardFilter filter, LocalDate until) {
    var deals = DSL.sum(F.DEALS);
    return dsl.select(F.EXPECTED_MONTH, F.STAGE, F.CURRENCY, deals, DSL.sum(F.VALUE), DSL.sum(F.WEIGHTED))
        .from(F)
        .where(rows(tenant, pipeline, filter, "d"))
        .and(F.STAGE.in(keys(pipeline, Stage::open)))
        .and(F.EXPECTED_MONTH.le(until.withDayOfMonth(1)))
        .groupBy(F.EXPECTED_MONTH, F.STAGE, F.CURRENCY)
        .having(deals.ne(BigDecimal.ZERO))
        .fetch(r -> new ForecastTotal(YearMonth.from(r.value1()), r.value2(), r.value4().longValueExact(),
            new Money(r.value5(), r.value3()), new Money(r.value6().movePointLeft(2), r.value3())));
  }

  long openWithoutCloseDate(TenantId tenant, Pipeline pipeline, BoardFilter filter) {
    BigDecimal deals = dsl.select(DSL.sum(F.DEALS))
        .from(F)
        .where(rows(tenant, pipeline, filter, "d"))
        .and(F.STAGE.in(keys(pipeline, Stage::open)))
        .and(F.EXPECTED_MONTH.isNull())
        .fetchOne(0, BigDecimal.class);
    return deals == null ? 0 : deals.longValueExact();
  }

  /** Live deals that first reached each step in the whole months from {@code from} to {@code to}. */
  List<StageReach> reached(TenantId tenant, Pipeline pipeline, BoardFilter filter, @Nullable LocalDate from,
                           @Nullable LocalDate to) {
    var deals = DSL.sum(F.DEALS);
    return dsl.select(F.STAGE, deals)
        .from(F)
        .where(rows(tenant, pipeline, filter, "r"))
        .and(from == null ? DSL.noCondition() : F.EVENT_MONTH.ge(from))
        .and(to == null ? DSL.noCondition() : F.EVENT_MONTH.le(to.withDayOfMonth(1)))
        .groupBy(F.STAGE)
        .having(deals.ne(BigDecimal.ZERO))
        .fetch(r -> new StageReach(r.value1(), r.value2().longValueExact()));
  }

  /**
   * The same count from the deals themselves, to the day (a custom range): each live deal's reached steps
   * ({@code crm_deals.reached}) on a day of the range.
   */
  List<StageReach> reachedFromDeals(Condition live, @Nullable LocalDate from, @Nullable LocalDate to) {
    var steps = DSL.table("jsonb_each_text({0})", CRM_DEALS.REACHED).as("r", "step", "day");
    Field<String> step = DSL.field(DSL.name("r", "step"), String.class);
    Field<LocalDate> day = DSL.field("{0}::date", LocalDate.class, DSL.field(DSL.name("r", "day")));
    var count = DSL.count();
    return dsl.select(step, count)
        .from(CRM_DEALS).crossJoin(steps)
        .where(live)
        .and(from == null ? DSL.noCondition() : day.ge(from))
        .and(to == null ? DSL.noCondition() : day.le(to))
        .groupBy(step)
        .fetch(r -> new StageReach(r.value1(), r.value2()));
  }
}
