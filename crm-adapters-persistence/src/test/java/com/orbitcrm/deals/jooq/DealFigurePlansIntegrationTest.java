package com.orbitcrm.deals.jooq;

import static com.orbitcrm.testing.Plans.assertKeysetIsAnIndexCondition;
import static com.orbitcrm.testing.Plans.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Rank;
import com.orbitcrm.deals.Reached;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.AppRoleDatabase;
import com.orbitcrm.testing.Plans;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard reads the kept sums of one workspace through their key under row-level security, never
 * every row of the table (EXPLAINed as the application role): a period of months is an index range.
 */
class DealFigurePlansIntegrationTest {

  static TenantId tenant;
  static Pipeline pipeline;

  @BeforeAll
  static void aYearOfDeals() throws Exception {
    tenant = AppRoleDatabase.newWorkspace();
    pipeline = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
    try (var db = AppRoleDatabase.in(tenant)) {
      new JooqPipelines(db.dsl()).create(tenant, pipeline, true);
      var deals = new JooqDeals(db.dsl());
      var ranks = new HashMap<String, Integer>();
      for (int i = 0; i < 2000; i++) {
        Stage stage = pipeline.stages().get(i % pipeline.stages().size());
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i % 700);
        var details = DealDetails.from(DealDraft.empty().with("name", "Deal " + i).with("value", "100")
            .with("expectedCloseDate", day.toString()));
        var at = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        deals.insert(new Deal(new DealId(UUID.randomUUID()), tenant, pipeline.id(), details,
            DealProgress.start(stage, null, "Price", day, day), Rank.ofIndex(ranks.merge(stage.key(), 1, Integer::sum)),
            Reached.start(pipeline, stage, day, day), null, at, at, null, 0));
      }
    }
    Plans.analyze("crm_deal_figures");
  }

  @Test
  void theFunnelOfAPeriodIsAnIndexRangeOnItsMonths() throws Exception {
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("set local enable_seqscan = off");
      var reached = new JooqDeals(db.dsl()).reached(tenant, pipeline, BoardFilter.none(), LocalDate.of(2025, 3, 1),
          LocalDate.of(2025, 5, 31));
      assertThat(reached).isNotEmpty();
      String plan = db.explain(single(db.takeStatements()));
      assertKeysetIsAnIndexCondition(plan, "event_month");
      assertThat(plan).contains("crm_deal_figures_key").doesNotContain("crm_deals ");
    }
  }

  @Test
  void theTotalsReadTheWorkspacesKeptRowsNotItsDeals() throws Exception {
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("set local enable_seqscan = off");
      var totals = new JooqDeals(db.dsl()).totals(tenant, pipeline, BoardFilter.none(), null);
      assertThat(totals.stream().mapToLong(t -> t.count()).sum()).isEqualTo(2000);
      String plan = db.explain(single(db.takeStatements()));
      assertThat(plan).as(plan).contains("crm_deal_figures_key").containsPattern("Index Cond: .*tenant_id = ")
          .doesNotContain("on crm_deals");
    }
  }
}
