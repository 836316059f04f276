package com.orbitcrm.deals.app;

import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.port.Pipelines;
import com.orbitcrm.tenancy.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The pipelines of every workspace, in memory; a workspace has at most one default pipeline. */
class InMemoryPipelines implements Pipelines {

  private record Key(TenantId tenant, PipelineId id) {}

  private final Map<Key, Pipeline> pipelines = new LinkedHashMap<>();
  private final Map<TenantId, PipelineId> defaults = new LinkedHashMap<>();

  @Override
  public Optional<Pipeline> findDefault(TenantId tenant) {
    return Optional.ofNullable(defaults.get(tenant)).flatMap(id -> find(tenant, id));
  }

  @Override
  public Optional<Pipeline> find(TenantId tenant, PipelineId id) {
    return Optional.ofNullable(pipelines.get(new Key(tenant, id)));
  }

  @Override
  public void create(TenantId tenant, Pipeline pipeline, boolean isDefault) {
    if (pipelines.putIfAbsent(new Key(tenant, pipeline.id()), pipeline) != null) {
      throw new IllegalStateException("pipeline " + pipeline.id() + " exists");
    }
    if (isDefault && defaults.putIfAbsent(tenant, pipeline.id()) != null) {
      throw new IllegalStateException("workspace " + tenant + " has a default pipeline already");
    }
  }
}
