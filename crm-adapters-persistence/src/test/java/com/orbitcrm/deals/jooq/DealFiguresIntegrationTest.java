package com.orbitcrm.deals.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ClosedTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.deals.ForecastTotal;
import com.orbitcrm.deals.MonthlyClosed;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Probability;
import com.orbitcrm.deals.Rank;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.StageEntry;
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
    UserId owner = new UserId(UUID.randomUUID());
    var random = new Random(zoneId.hashCode());
    var deals = new ArrayList<Deal>();
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("insert into users (id, email, name, password_hash) values ('" + owner + "', '" + owner
          + "@example.test', 'Owner', 'x')");
      db.execute("insert into memberships (tenant_id, user_id, role) values ('" + tenant + "', '" + owner
          + "', 'member')");
      new JooqPipelines(db.dsl()).create(tenant, pipeline, true);
      var store = new JooqDeals(db.dsl());
      Map<String, Integer> ranks = new HashMap<>();
      for (int i = 0; i < 300; i++) {
        Stage stage = pipeline.stages().get(random.nextInt(pipeline.stages().size()));
        // Created at any minute of the last two years, often within hours of a month's turn.
        Instant created = random.nextInt(3) == 0
            ? LocalDate.of(2026, 1 + random.nextInt(11), 1).atStartOfDay(ZoneId.of("UTC")).toInstant()
                .plus(Duration.ofMinutes(random.nextInt(24 * 60) - 12 * 60))
            : NOW.minus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
        LocalDate closed = stage.open() ? null : TODAY.minusDays(random.nextInt(400));
        LocalDate expected = random.nextInt(6) == 0 ? null : TODAY.plusDays(random.nextInt(500) - 150);
        var draft = DealDraft.empty().with("name", "Deal " + i)
            .with("value", random.nextInt(50_000) + "." + String.format("%02d", random.nextInt(100)))
            .with("currency", random.nextInt(3) == 0 ? "EUR" : "USD")
            .with("expectedCloseDate", expected == null ? null : expected.toString())
            .with("ownerId", random.nextBoolean() ? owner.toString() : null);
        var progress = DealProgress.start(stage, stage.open() && random.nextBoolean()
            ? new Probability(random.nextInt(101)) : null, "No budget", closed, TODAY);
        int n = ranks.merge(stage.key(), 1, Integer::sum) - 1;
        var deal = new Deal(new DealId(UUID.randomUUID()), tenant, pipeline.id(), DealDetails.from(draft), progress,
            Rank.ofIndex(n), null, created, created, null, 0);
        store.insert(deal);
        if (random.nextInt(10) == 0) {
          store.trash(tenant, deal.id(), NOW);
          deal = store.find(tenant, deal.id()).orElseThrow();
        }
        deals.add(deal);
      }
      for (BoardFilter filter : List.of(BoardFilter.none(), new BoardFilter(owner, null, null, null))) {
        List<Deal> mine = deals.stream().filter(d -> filter.ownerId() == null
            || filter.ownerId().equals(d.details().ownerId())).toList();
        for (Period period : List.of(Period.month(TODAY), Period.resolve("last_12_months", null, null, TODAY),
            new Period(PeriodKind.ALL_TIME, null, null), Period.resolve("custom", "2026-02-28", "2026-03-01", TODAY))) {
          assertThat(sorted(store.closed(tenant, pipeline, filter, period.from(), period.to(), zone), ClosedTotal::toString))
              .as("closed in %s", period).containsExactlyElementsOf(
                  sorted(normalise(DealFacts.closed(mine, period, zone)), ClosedTotal::toString));
        }
        var year = Period.resolve("last_12_months", null, null, TODAY);
        assertThat(sorted(store.closedByMonth(tenant, pipeline, filter, year.from(), year.to()), MonthlyClosed::toString))
            .containsExactlyElementsOf(sorted(DealFacts.closedByMonth(mine, year), MonthlyClosed::toString));
        LocalDate until = TODAY.plusMonths(11).withDayOfMonth(1).plusMonths(1).minusDays(1);
        assertThat(sorted(store.forecast(tenant, pipeline, filter, until), ForecastTotal::toString))
            .containsExactlyElementsOf(sorted(DealFacts.forecast(mine, until), ForecastTotal::toString));
        assertThat(store.openWithoutCloseDate(tenant, pipeline, filter)).isEqualTo(DealFacts.withoutCloseDate(mine));
      }
      db.connection().rollback();
    }
  }

  @Test
  void theFunnelCountsEachDealsFurthestStageInThePeriod() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    var pipeline = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
    try (var db = AppRoleDatabase.in(tenant)) {
      new JooqPipelines(db.dsl()).create(tenant, pipeline, true);
      var store = new JooqDeals(db.dsl());
      var lead = pipeline.first();
      Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
      // a: lead → qualified → proposal in the period; b: lead before, proposal → lost in it (furthest: proposal);
      // c: lead → won in it; d: lead before the period only; e: trashed.
      var paths = Map.of("a", List.of("lead@1", "qualified@2", "proposal@3"),
          "b", List.of("lead@-5", "proposal@4", "closed_lost@5"),
          "c", List.of("lead@1", "closed_won@6"),
          "d", List.of("lead@-3"),
          "e", List.of("lead@1", "negotiation@2"));
      int i = 0;
      for (var path : paths.entrySet()) {
        var deal = new Deal(new DealId(UUID.randomUUID()), tenant, pipeline.id(),
            DealDetails.from(DealDraft.empty().with("name", path.getKey())),
            DealProgress.start(lead, null, null, null, TODAY), Rank.ofIndex(i++), null, t0, t0, null, 0);
        store.insert(deal);
        for (String step : path.getValue()) {
          String[] parts = step.split("@");
          store.recordEntry(tenant, new StageEntry(deal.id(), pipeline.id(), parts[0],
              t0.plus(Duration.ofDays(Integer.parseInt(parts[1])))));
        }
        if (path.getKey().equals("e")) {
          store.trash(tenant, deal.id(), NOW);
        }
      }
      List<StageReach> reach = store.furthest(tenant, pipeline, BoardFilter.none(), t0, t0.plus(Duration.ofDays(30)));
      assertThat(reach.stream().collect(Collectors.toMap(StageReach::stage, StageReach::deals)))
          .containsExactlyInAnyOrderEntriesOf(Map.of("proposal", 2L, "closed_won", 1L));
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
