package com.orbitcrm.deals.app;

import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.port.Pipelines;
import com.orbitcrm.tenancy.WorkspaceCreated;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new workspace its pipeline with the seed's stages, inside the transaction that creates the
 * workspace (a synchronous listener): no workspace is ever without one, and no read has to create it.
 */
@Component
class DefaultPipeline {

  private final Pipelines pipelines;

  DefaultPipeline(Pipelines pipelines) {
    this.pipelines = pipelines;
  }

  @EventListener
  void on(WorkspaceCreated event) {
    pipelines.create(event.tenant(), Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID())), true);
  }
}
