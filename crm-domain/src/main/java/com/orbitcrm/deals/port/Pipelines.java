package com.orbitcrm.deals.port;

import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.tenancy.TenantId;
import java.util.Optional;

/** Secondary port: the pipelines of a workspace and their stages ({@code pipelines}, {@code pipeline_stages}). */
public interface Pipelines {

  /** The workspace's default pipeline (every workspace has one from its creation on). */
  Optional<Pipeline> findDefault(TenantId tenant);

  Optional<Pipeline> find(TenantId tenant, PipelineId id);

  /** Stores a new pipeline with its stages; {@code isDefault}: the one the board and the API use. */
  void create(TenantId tenant, Pipeline pipeline, boolean isDefault);
}
