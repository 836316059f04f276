package com.orbitcrm.deals.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.port.Deals.Neighbours;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The fake keeps the adapter's promises that the use cases rely on; so the use case tests mean something. */
class InMemoryDealsUnitTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  final InMemoryDeals deals = new InMemoryDeals();
  final TenantId tenant = new TenantId(UUID.randomUUID());
  final Pipeline pipeline = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));

  Deal deal(String name, String value, String stage, String rank) {
    var details = DealDetails.from(DealDraft.empty().with("name", name).with("value", value));
    var progress = DealProgress.start(pipeline.stage(stage).orElseThrow(), null, "lost", null, LocalDate.of(2026, 3, 2));
    return new Deal(new DealId(UUID.randomUUID()), tenant, pipeline.id(), details, progress, rank, null, T0, T0, null, 7);
  }

  @Test
  void anInsertStoresVersionZeroAndAnUpdateChecksAndBumpsIt() {
    Deal d = deal("A", "1", "lead", "a0");
    deals.insert(d);
    Deal stored = deals.find(tenant, d.id()).orElseThrow();
    assertThat(stored.version()).isZero();

    assertThat(deals.update(stored.edit(stored.details(), T0.plusSeconds(1)))).isTrue();
    assertThat(deals.find(tenant, d.id()).orElseThrow().version()).isEqualTo(1);
    assertThat(deals.update(stored)).as("stale: still version 0").isFalse();
    assertThat(deals.find(new TenantId(UUID.randomUUID()), d.id())).isEmpty();
  }

  @Test
  void aRankIsHeldByOneLiveDealPerColumn() {
    Deal a = deal("A", "1", "lead", "a0");
    deals.insert(a);
    assertThatThrownBy(() -> deals.insert(deal("B", "1", "lead", "a0"))).isInstanceOf(ConflictException.class);
    deals.insert(deal("Other column", "1", "qualified", "a0"));

    deals.trash(tenant, a.id(), T0);
    Deal b = deal("B", "1", "lead", "a0");
    deals.insert(b);
    assertThatThrownBy(() -> deals.restore(tenant, a.id())).isInstanceOf(ConflictException.class);
    assertThat(deals.find(tenant, a.id()).orElseThrow().trashed()).isTrue();
  }

  @Test
  void ranksAroundAPlaceFollowTextOrder() {
    for (String rank : new String[] {"a1", "Zz", "a0V", "a0"}) {
      deals.insert(deal(rank, "1", "lead", rank));
    }
    assertThat(deals.column(tenant, pipeline, "lead", BoardFilter.none(), null, 10)).extracting(Deal::rank)
        .containsExactly("Zz", "a0", "a0V", "a1");
    assertThat(deals.neighbours(tenant, pipeline, "lead", 0, null)).isEqualTo(new Neighbours(null, "Zz"));
    assertThat(deals.neighbours(tenant, pipeline, "lead", 2, null)).isEqualTo(new Neighbours("a0", "a0V"));
    assertThat(deals.neighbours(tenant, pipeline, "lead", 4, null)).isEqualTo(new Neighbours("a1", null));
    assertThat(deals.lastRank(tenant, pipeline, "lead", null)).contains("a1");
    assertThat(deals.adjacentRank(tenant, pipeline, "lead", "a0", true, null)).contains("a0V");
    assertThat(deals.adjacentRank(tenant, pipeline, "lead", "a0", false, null)).contains("Zz");
    assertThat(deals.lastRank(tenant, pipeline, "proposal", null)).isEmpty();
  }

  @Test
  void totalsAreExactSumsPerStageAndCurrency() {
    deals.insert(deal("A", "0.01", "negotiation", "a0"));
    deals.insert(deal("B", "0.01", "negotiation", "a1"));
    deals.insert(deal("C", "10", "closed_lost", "a0"));

    assertThat(deals.totals(tenant, pipeline, BoardFilter.none(), null))
        .extracting(ColumnTotal::stage, ColumnTotal::count)
        .containsExactly(tuple("closed_lost", 1L),
            tuple("negotiation", 2L));
    ColumnTotal negotiation = deals.totals(tenant, pipeline, BoardFilter.none(), "negotiation").getFirst();
    // 2 × 0.01 × 75 / 100 = 0.015: not rounded to a cent.
    assertThat(negotiation.weighted().amount()).isEqualByComparingTo("0.015");
    assertThat(negotiation.value().amount()).isEqualByComparingTo("0.02");
  }
}
