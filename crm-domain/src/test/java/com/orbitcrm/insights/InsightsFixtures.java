package com.orbitcrm.insights;

import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Probability;
import com.orbitcrm.deals.Rank;
import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Deals to compute metrics from, as plain values. */
final class InsightsFixtures {

  static final TenantId TENANT = new TenantId(UUID.randomUUID());
  static final Pipeline PIPELINE = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));

  private InsightsFixtures() {}

  /** A deal in {@code stage}, created at {@code created}, closed on {@code closed} when the stage is closed. */
  static Deal deal(String stage, String value, String currency, @Nullable Integer probability, Instant created,
                   @Nullable LocalDate closed, @Nullable LocalDate expected) {
    var details = DealDetails.from(DealDraft.empty().with("name", "Deal").with("value", value)
        .with("currency", currency).with("expectedCloseDate", expected == null ? null : expected.toString()));
    var progress = DealProgress.start(PIPELINE.stage(stage).orElseThrow(),
        probability == null ? null : new Probability(probability), "No budget", closed, LocalDate.of(2099, 1, 1));
    return new Deal(new DealId(UUID.randomUUID()), TENANT, PIPELINE.id(), details, progress, Rank.first(), null,
        created, created, null, 0);
  }

  static Deal trashed(Deal d) {
    return new Deal(d.id(), d.tenant(), d.pipeline(), d.details(), d.progress(), d.rank(), d.createdBy(),
        d.createdAt(), d.updatedAt(), d.createdAt(), d.version());
  }
}
