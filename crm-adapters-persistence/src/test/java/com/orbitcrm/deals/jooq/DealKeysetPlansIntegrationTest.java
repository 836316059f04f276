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
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Rank;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.AppRoleDatabase;
import com.orbitcrm.testing.Plans;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deep pages of deals stay index ranges under row-level security: the board's "load more" (text rank) and
 * the API's newest-first list (created_at, id) — EXPLAINed as the application role.
 */
class DealKeysetPlansIntegrationTest {

  static TenantId tenant;
  static Pipeline pipeline;

  @BeforeAll
  static void aLongColumn() throws Exception {
    tenant = AppRoleDatabase.newWorkspace();
    pipeline = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
    try (var db = AppRoleDatabase.in(tenant)) {
      new JooqPipelines(db.dsl()).create(tenant, pipeline, true);
      var deals = new JooqDeals(db.dsl());
      var lead = pipeline.first();
      for (int i = 0; i < 3000; i++) {
        var details = DealDetails.from(DealDraft.empty().with("name", "Deal " + i).with("value", "100"));
        var at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L);
        deals.insert(new Deal(new DealId(UUID.randomUUID()), tenant, pipeline.id(), details,
            DealProgress.start(lead, null, null, null, LocalDate.EPOCH), Rank.ofIndex(i), null, at, at, null, 0));
      }
    }
    Plans.analyze("crm_deals");
  }

  @Test
  void loadingMoreOfABoardColumnIsAnIndexRangeOnTheRank() throws Exception {
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("set local enable_seqscan = off");
      var deals = new JooqDeals(db.dsl());
      var page = deals.column(tenant, pipeline, "lead", BoardFilter.none(), Rank.ofIndex(2900), 21);
      assertThat(page).hasSize(21);
      assertThat(page.getFirst().rank()).isEqualTo(Rank.ofIndex(2901));
      assertKeysetIsAnIndexCondition(db.explain(single(db.takeStatements())), "rank");
    }
  }

  @Test
  void aDeepPageOfTheDealListIsAnIndexRangeOnCreationTime() throws Exception {
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("set local enable_seqscan = off");
      var deals = new JooqDeals(db.dsl());
      var first = deals.find(tenant, DealQuery.newest(50));
      db.takeStatements();
      var cursor = new CreatedCursor(first.items().getLast().createdAt(), first.items().getLast().id().value());
      var deep = deals.find(tenant, DealQuery.newest(50).after(cursor));
      assertThat(deep.items().getFirst().createdAt()).isBefore(cursor.createdAt());
      assertKeysetIsAnIndexCondition(db.explain(single(db.takeStatements())), "created_at");
    }
  }
}
