package com.orbitcrm.deals.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Probability;
import com.orbitcrm.deals.Rank;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.platform.Money;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.AppRoleDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The deals adapter on a real PostgreSQL, as the application role: the SQL that repeats a domain rule
 * for speed (the weighted value of a column) is held to the rule itself, on random deals.
 */
class JooqDealsIntegrationTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  @Test
  void columnTotalsAreTheExactSumsOfTheCardsWeightedValues() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    var pipeline = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
    var random = new Random(42);
    Map<String, Money> expectedWeighted = new HashMap<>();
    Map<String, Money> expectedValue = new HashMap<>();
    Map<String, Long> expectedCount = new HashMap<>();
    try (var db = AppRoleDatabase.in(tenant)) {
      new JooqPipelines(db.dsl()).create(tenant, pipeline, true);
      var deals = new JooqDeals(db.dsl());
      Map<String, Integer> ranks = new HashMap<>();
      for (int i = 0; i < 400; i++) {
        Stage stage = pipeline.stages().get(random.nextInt(pipeline.stages().size()));
        // Odd amounts and probabilities: products with four decimals, where rounding per card would drift.
        String value = random.nextInt(100_000) + "." + String.format("%02d", random.nextInt(100));
        String currency = random.nextInt(4) == 0 ? "EUR" : "USD";
        Probability manual = stage.open() && random.nextBoolean() ? new Probability(random.nextInt(101)) : null;
        var details = DealDetails.from(DealDraft.empty().with("name", "Deal " + i).with("value", value)
            .with("currency", currency));
        var progress = DealProgress.start(stage, manual, "Lost to a competitor", null, TODAY);
        int n = ranks.merge(stage.key(), 1, Integer::sum) - 1;
        var deal = new Deal(new DealId(UUID.randomUUID()), tenant, pipeline.id(), details, progress, Rank.ofIndex(n),
            null, Instant.EPOCH, Instant.EPOCH, null, 0);
        deals.insert(deal);
        String key = stage.key() + "/" + currency;
        expectedWeighted.merge(key, deal.weightedValue(), Money::plus);
        expectedValue.merge(key, deal.details().value(), Money::plus);
        expectedCount.merge(key, 1L, Long::sum);
      }
      List<ColumnTotal> totals = deals.totals(tenant, pipeline, BoardFilter.none(), null);
      assertThat(totals).hasSize(expectedCount.size());
      for (ColumnTotal t : totals) {
        String key = t.stage() + "/" + t.currency();
        assertThat(t.count()).as(key).isEqualTo(expectedCount.get(key));
        assertThat(t.value().amount()).as(key).isEqualByComparingTo(expectedValue.get(key).amount());
        // Exact: not a cent of drift between the cards and their column.
        assertThat(t.weighted().amount()).as(key).isEqualByComparingTo(expectedWeighted.get(key).amount());
      }
      // And the sums really need the exactness: some products have more than two decimals.
      assertThat(expectedWeighted.values()).anyMatch(m -> m.amount().stripTrailingZeros().scale() > 2);

      // The API's summary: the kept sums when nothing narrows the deals, the list's own conditions when
      // something does (here: open stages only) — the same exact sums either way.
      assertSameSums(deals.summary(tenant, pipeline, DealQuery.newest(50)), totals);
      List<ColumnTotal> open = deals.summary(tenant, pipeline, DealQuery.newest(50).withStatus(StageKind.OPEN));
      assertSameSums(open, totals.stream().filter(t -> pipeline.stage(t.stage()).orElseThrow().open()).toList());
      assertThat(open).isNotEmpty().hasSizeLessThan(totals.size());
      db.connection().rollback();
    }
  }

  private static void assertSameSums(List<ColumnTotal> actual, List<ColumnTotal> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    Map<String, ColumnTotal> byKey = new HashMap<>();
    expected.forEach(t -> byKey.put(t.stage() + "/" + t.currency(), t));
    for (ColumnTotal t : actual) {
      ColumnTotal e = byKey.get(t.stage() + "/" + t.currency());
      assertThat(e).as(t.stage() + "/" + t.currency()).isNotNull();
      assertThat(t.count()).isEqualTo(e.count());
      assertThat(t.value().amount()).isEqualByComparingTo(e.value().amount());
      assertThat(t.weighted().amount()).isEqualByComparingTo(e.weighted().amount());
    }
  }

  @Test
  void aDealReadBackIsTheDealStoredWithItsStageFromThePipeline() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    var pipeline = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
    try (var db = AppRoleDatabase.in(tenant)) {
      new JooqPipelines(db.dsl()).create(tenant, pipeline, true);
      assertThat(new JooqPipelines(db.dsl()).findDefault(tenant)).contains(pipeline);
      var deals = new JooqDeals(db.dsl());
      var details = DealDetails.from(DealDraft.empty().with("name", "Round trip").with("value", "1234.56")
          .with("contactPhone", "+1 512 555 0100").with("currency", "eur"));
      var deal = new Deal(new DealId(UUID.randomUUID()), tenant, pipeline.id(), details,
          DealProgress.start(pipeline.stage("closed_lost").orElseThrow(), null, "Budget", LocalDate.of(2026, 3, 1),
              TODAY), Rank.first(), null, Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05Z"),
          null, 0);
      deals.insert(deal);
      Deal read = deals.find(tenant, deal.id()).orElseThrow();
      assertThat(read.details()).isEqualTo(details);
      assertThat(read.progress()).isEqualTo(deal.progress());
      assertThat(read.progress().actualCloseDate()).isEqualTo(LocalDate.of(2026, 3, 1));
      assertThat(read.rank()).isEqualTo("a0");
      assertThat(read.weightedValue().amount()).isEqualByComparingTo(BigDecimal.ZERO);
      db.connection().rollback();
    }
  }
}
