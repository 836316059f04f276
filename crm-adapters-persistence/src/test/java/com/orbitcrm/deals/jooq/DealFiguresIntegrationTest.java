package com.orbitcrm.deals.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ClosedTotal;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.deals.ForecastTotal;
import com.orbitcrm.deals.MonthlyClosed;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.PipelineDraft;
import com.orbitcrm.deals.Probability;
import com.orbitcrm.deals.Rank;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.Reached;
import com.orbitcrm.deals.StageReach;
import com.orbitcrm.insights.DealFacts;
import com.orbitcrm.insights.Period;
import com.orbitcrm.insights.PeriodKind;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.testing.AppRoleDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard's sums as the database computes them, held to the rules the insights domain states
 * ({@link DealFacts}) on random deals — to the cent and to the day, in time zones far from UTC, across
 * month boundaries, with trashed deals, several currencies and one owner's deals.
 */
class DealFiguresIntegrationTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York"})
  void theSqlSumsAreTheDomainsRules(String zoneId) throws Exception {
    ZoneId zone = ZoneId.of(zoneId);
    TenantId tenant = AppRoleDatabase.newWorkspace();
    var pipeline = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
    // A second pipeline of the workspace (issue 16): its sums are its own, though it shares a stage key.
    var partners = new PipelineDraft("Partners", List.of(
        new PipelineDraft.StageDraft("proposal", "Proposal", "#3b82f6", 40, "open", List.of()),
        new PipelineDraft.StageDraft("review", "Review", "#3b82f6", 70, "open", List.of()),
        new PipelineDraft.StageDraft("signed", "Signed", "#10b981", null, "won", List.of()),
        new PipelineDraft.StageDraft("dropped", "Dropped", "#ef4444", null, "lost", List.of())))
        .define(new PipelineId(UUID.randomUUID()));
    UserId owner = new UserId(UUID.randomUUID());
    var random = new Random(zoneId.hashCode());
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("update tenants set time_zone = '" + zoneId + "' where id = '" + tenant + "'");
      db.execute("insert into users (id, email, name, password_hash) values ('" + owner + "', '" + owner
          + "@example.test', 'Owner', 'x')");
      db.execute("insert into memberships (tenant_id, user_id, role) values ('" + tenant + "', '" + owner
          + "', 'member')");
      new JooqPipelines(db.dsl()).create(tenant, pipeline, true);
      new JooqPipelines(db.dsl()).create(tenant, partners, false);
      var store = new JooqDeals(db.dsl());
      Map<String, Integer> ranks = new HashMap<>();
      var ids = new ArrayList<DealId>();
      for (int i = 0; i < 300; i++) {
        Pipeline on = random.nextInt(3) == 0 ? partners : pipeline;
        Stage stage = on.stages().get(random.nextInt(on.stages().size()));
        // Created at any minute of the last two years, often within hours of a month's turn.
        Instant created = random.nextInt(3) == 0
            ? LocalDate.of(2026, 1 + random.nextInt(11), 1).atStartOfDay(ZoneId.of("UTC")).toInstant()
                .plus(Duration.ofMinutes(random.nextInt(24 * 60) - 12 * 60))
            : NOW.minus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
        LocalDate enteredOn = LocalDate.ofInstant(created, zone);
        LocalDate closed = stage.open() ? null : enteredOn.plusDays(random.nextInt(200));
        LocalDate expected = random.nextInt(6) == 0 ? null : TODAY.plusDays(random.nextInt(500) - 150);
        var draft = DealDraft.empty().with("name", "Deal " + i)
            .with("value", random.nextInt(50_000) + "." + String.format("%02d", random.nextInt(100)))
            .with("currency", random.nextInt(3) == 0 ? "EUR" : "USD")
            .with("expectedCloseDate", expected == null ? null : expected.toString())
            .with("ownerId", random.nextBoolean() ? owner.toString() : null);
        var progress = DealProgress.start(stage, stage.open() && random.nextBoolean()
            ? new Probability(random.nextInt(101)) : null, "No budget", closed, TODAY);
        var deal = new Deal(new DealId(UUID.randomUUID()), tenant, on.id(), DealDetails.from(draft), progress,
            rank(ranks, on, stage), Reached.start(on, stage, enteredOn, closed), null, created, created, null, 0);
        store.insert(deal);
        ids.add(deal.id());
      }
      // Then the deals change as people change them: moves (back and forth, reaching steps on random days),
      // new owners and values, trash and restore. The kept sums follow every change.
      for (int i = 0; i < 600; i++) {
        DealId id = ids.get(random.nextInt(ids.size()));
        Deal deal = store.find(tenant, id).orElseThrow();
        if (deal.trashed()) {
          store.restore(tenant, id);
          continue;
        }
        switch (random.nextInt(4)) {
          case 0, 1 -> {
            // Now and then to the other pipeline.
            Pipeline own = deal.pipeline().equals(pipeline.id()) ? pipeline : partners;
            Pipeline on = random.nextInt(6) == 0 ? (own == pipeline ? partners : pipeline) : own;
            Stage target = on.stages().get(random.nextInt(on.stages().size()));
            LocalDate day = TODAY.minusDays(random.nextInt(400));
            var moved = deal.moveTo(on, target, rank(ranks, on, target), "Lost to a competitor", null, day, NOW);
            assertThat(store.update(moved.deal())).isTrue();
          }
          case 2 -> assertThat(store.update(deal.edit(DealDetails.from(DealDraft.of(deal.details())
              .with("value", String.valueOf(random.nextInt(9_000)))
              .with("ownerId", random.nextBoolean() ? owner.toString() : null)), NOW))).isTrue();
          default -> store.trash(tenant, id, NOW);
        }
      }
      List<Deal> deals = ids.stream().map(id -> store.find(tenant, id).orElseThrow()).toList();
      assertSumsAgree(store, tenant, pipeline, owner, on(pipeline, deals), zone);
      assertSumsAgree(store, tenant, partners, owner, on(partners, deals), zone);

      // A new time zone counts every cycle again, in that zone.
      ZoneId other = ZoneId.of(zoneId.equals("Pacific/Kiritimati") ? "Pacific/Pago_Pago" : "Pacific/Kiritimati");
      db.execute("update tenants set time_zone = '" + other.getId() + "' where id = '" + tenant + "'");
      assertSumsAgree(store, tenant, pipeline, owner, on(pipeline, deals), other);
      assertSumsAgree(store, tenant, partners, owner, on(partners, deals), other);
      db.connection().rollback();
    }
  }

  private static String rank(Map<String, Integer> ranks, Pipeline on, Stage stage) {
    return Rank.ofIndex(ranks.merge(on.id() + "/" + stage.key(), 1, Integer::sum) - 1);
  }

  private static List<Deal> on(Pipeline pipeline, List<Deal> deals) {
    return deals.stream().filter(d -> d.pipeline().equals(pipeline.id())).toList();
  }

  private static void assertSumsAgree(JooqDeals store, TenantId tenant, Pipeline pipeline, UserId owner,
                                      List<Deal> deals, ZoneId zone) {
    for (BoardFilter filter : List.of(BoardFilter.none(), new BoardFilter(owner, null, null, null))) {
      List<Deal> mine = deals.stream().filter(d -> filter.ownerId() == null
          || filter.ownerId().equals(d.details().ownerId())).toList();
      assertThat(sorted(store.totals(tenant, pipeline, filter, null), ColumnTotal::toString))
          .as("totals").containsExactlyElementsOf(sorted(DealFacts.totals(mine), ColumnTotal::toString));
      // Whole months (read from the kept sums) and a custom range across a month's turn (from the deals).
      for (Period period : List.of(Period.month(TODAY), Period.resolve("last_12_months", null, null, TODAY),
          new Period(PeriodKind.ALL_TIME, null, null), Period.resolve("custom", "2026-02-01", "2026-03-31", TODAY),
          Period.resolve("custom", "2026-02-28", "2026-03-01", TODAY))) {
        assertThat(sorted(store.closed(tenant, pipeline, filter, period.from(), period.to(), zone), ClosedTotal::toString))
            .as("closed in %s", period).containsExactlyElementsOf(
                sorted(normalise(DealFacts.closed(mine, period, zone)), ClosedTotal::toString));
        assertThat(sorted(store.reached(tenant, pipeline, filter, period.from(), period.to()), StageReach::toString))
            .as("reached in %s", period).containsExactlyElementsOf(
                sorted(DealFacts.reached(mine, period), StageReach::toString));
      }
      var year = Period.resolve("last_12_months", null, null, TODAY);
      assertThat(sorted(store.closedByMonth(tenant, pipeline, filter, year.from(), year.to()), MonthlyClosed::toString))
          .containsExactlyElementsOf(sorted(DealFacts.closedByMonth(mine, year), MonthlyClosed::toString));
      LocalDate until = TODAY.plusMonths(11).withDayOfMonth(1).plusMonths(1).minusDays(1);
      assertThat(sorted(store.forecast(tenant, pipeline, filter, until), ForecastTotal::toString))
          .containsExactlyElementsOf(sorted(DealFacts.forecast(mine, until), ForecastTotal::toString));
      assertThat(store.openWithoutCloseDate(tenant, pipeline, filter)).isEqualTo(DealFacts.withoutCloseDate(mine));
    }
  }

  @Test
  void aReorderOrARenameWritesNoSums() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    var pipeline = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
    try (var db = AppRoleDatabase.in(tenant)) {
      new JooqPipelines(db.dsl()).create(tenant, pipeline, true);
      var store = new JooqDeals(db.dsl());
      var lead = pipeline.first();
      var deal = new Deal(new DealId(UUID.randomUUID()), tenant, pipeline.id(),
          DealDetails.from(DealDraft.empty().with("name", "Pilot").with("value", "100")),
          DealProgress.start(lead, null, null, null, TODAY), Rank.first(), Reached.start(pipeline, lead, TODAY, null),
          null, NOW, NOW, null, 0);
      store.insert(deal);
      String before = db.dsl().fetch("select * from crm_deal_figures order by 1, 2, 3, 4, 5, 6, 7, 8").formatCSV();
      var renamed = store.find(tenant, deal.id()).orElseThrow();
      store.update(renamed.edit(DealDetails.from(DealDraft.of(renamed.details()).with("name", "Pilot 2")), NOW));
      var reordered = store.find(tenant, deal.id()).orElseThrow();
      store.update(reordered.moveTo(pipeline, lead, "b0", null, null, TODAY, NOW).deal());
      assertThat(db.dsl().fetch("select * from crm_deal_figures order by 1, 2, 3, 4, 5, 6, 7, 8").formatCSV())
          .isEqualTo(before).contains(",d,lead,USD,").contains(",r,lead,");
      db.connection().rollback();
    }
  }

  /** A closed total per kind and currency (the adapter sums stages of one kind; so does this). */
  private static List<ClosedTotal> normalise(List<ClosedTotal> totals) {
    return totals.stream().collect(Collectors.groupingBy(t -> t.kind() + "|" + t.currency())).values().stream()
        .map(g -> g.stream().reduce((a, b) -> new ClosedTotal(a.kind(), a.count() + b.count(), a.value().plus(b.value()),
            a.cycleDays() + b.cycleDays())).orElseThrow())
        .toList();
  }

  /** Sorted, with amounts compared by value (12.5 = 12.50). */
  private static <T> List<String> sorted(List<T> items, Function<T, String> text) {
    return items.stream().map(text).map(s -> s.replaceAll("(\\d+\\.\\d*?)0+ ", "$1 ").replaceAll("\\. ", " "))
        .sorted(Comparator.naturalOrder()).toList();
  }
}
