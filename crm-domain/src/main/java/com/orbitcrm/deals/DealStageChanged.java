package com.orbitcrm.deals;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.TenantScopedEvent;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A deal moved from one stage to another. Published for other modules (the timeline records it on the
 * deal and on its client); it carries ids and stage keys only — listeners read what else they need.
 *
 * @param by {@literal null} when the system moved it.
 * @param fromPipeline the pipeline of {@code fromStage}; {@literal null} in events published before
 *     pipelines of one's own (the workspace's default one).
 * @param toPipeline the pipeline of {@code toStage}, likewise.
 */
public record DealStageChanged(TenantId tenant, DealId deal, @Nullable ClientId clientId, String fromStage,
                               String toStage, @Nullable UserId by, Instant at, @Nullable PipelineId fromPipeline,
                               @Nullable PipelineId toPipeline) implements TenantScopedEvent {

  /** A move within the default pipeline. */
  public DealStageChanged(TenantId tenant, DealId deal, @Nullable ClientId clientId, String fromStage,
                          String toStage, @Nullable UserId by, Instant at) {
    this(tenant, deal, clientId, fromStage, toStage, by, at, null, null);
  }

  /** Whether the deal changed pipelines (not only stages). */
  public boolean pipelineChanged() {
    return fromPipeline != null && toPipeline != null && !fromPipeline.equals(toPipeline);
  }
}
