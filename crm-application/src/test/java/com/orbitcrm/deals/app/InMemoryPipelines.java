package com.orbitcrm.deals.app;

import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.port.Pipelines;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pipelines of every workspace, in memory; a workspace has at most one default pipeline. */
class InMemoryPipelines implements Pipelines {

  private record Key(TenantId tenant, PipelineId id) {}

  private record UserKey(TenantId tenant, UserId user) {}

  private final Map<Key, Pipeline> pipelines = new LinkedHashMap<>();
  private final Map<Key, Integer> versions = new LinkedHashMap<>();
  private final Map<TenantId, PipelineId> defaults = new LinkedHashMap<>();
  private final Map<UserKey, PipelineId> choices = new LinkedHashMap<>();

  @Override
  public Optional<Pipeline> findDefault(TenantId tenant) {
    return Optional.ofNullable(defaults.get(tenant)).flatMap(id -> find(tenant, id));
  }

  @Override
  public Optional<Pipeline> find(TenantId tenant, PipelineId id) {
    return Optional.ofNullable(pipelines.get(new Key(tenant, id)));
  }

  @Override
  public List<Stored> all(TenantId tenant) {
    return pipelines.entrySet().stream().filter(e -> e.getKey().tenant().equals(tenant))
        .map(e -> new Stored(e.getValue(), e.getKey().id().equals(defaults.get(tenant)),
            versions.getOrDefault(e.getKey(), 0)))
        .toList();
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

  @Override
  public Optional<Stored> lock(TenantId tenant, PipelineId id) {
    return all(tenant).stream().filter(s -> s.pipeline().id().equals(id)).findFirst();
  }

  @Override
  public void lockStage(TenantId tenant, PipelineId id, String key) {}

  /** Keeps the stages not listed until {@link #removeStages}, after the listed ones. */
  @Override
  public void update(TenantId tenant, Pipeline pipeline) {
    var key = new Key(tenant, pipeline.id());
    var stages = new ArrayList<>(pipeline.stages());
    int order = stages.size();
    for (Stage old : pipelines.get(key).stages()) {
      if (pipeline.stage(old.key()).isEmpty()) {
        stages.add(new Stage(old.key(), old.label(), old.color(), ++order, old.defaultProbability(), old.kind(),
            old.requirements()));
      }
    }
    pipelines.put(key, new Pipeline(pipeline.id(), pipeline.name(), stages));
    versions.merge(key, 1, Integer::sum);
  }

  @Override
  public void removeStages(TenantId tenant, PipelineId id, List<String> keys) {
    var key = new Key(tenant, id);
    var p = pipelines.get(key);
    pipelines.put(key, new Pipeline(id, p.name(), p.stages().stream().filter(s -> !keys.contains(s.key())).toList()));
  }

  @Override
  public void archive(TenantId tenant, PipelineId id) {
    pipelines.remove(new Key(tenant, id));
  }

  @Override
  public void makeDefault(TenantId tenant, PipelineId id) {
    defaults.put(tenant, id);
  }

  @Override
  public void reorder(TenantId tenant, List<PipelineId> order) {
    var copy = new LinkedHashMap<>(pipelines);
    order.forEach(id -> pipelines.remove(new Key(tenant, id)));
    order.forEach(id -> pipelines.put(new Key(tenant, id), copy.get(new Key(tenant, id))));
  }

  @Override
  public Optional<PipelineId> choice(TenantId tenant, UserId user) {
    return Optional.ofNullable(choices.get(new UserKey(tenant, user))).filter(id -> find(tenant, id).isPresent());
  }

  @Override
  public void choose(TenantId tenant, UserId user, PipelineId id) {
    choices.put(new UserKey(tenant, user), id);
  }
}
