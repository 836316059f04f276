package com.orbitcrm.deals.port;

import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.util.List;
import java.util.Optional;

/** Secondary port: the pipelines of a workspace and their stages ({@code pipelines}, {@code pipeline_stages}). */
public interface Pipelines {

  /** A pipeline with what the workspace keeps about it besides its stages. */
  record Stored(Pipeline pipeline, boolean isDefault, int version) {}

  /** The workspace's default pipeline (every workspace has one from its creation on). */
  Optional<Pipeline> findDefault(TenantId tenant);

  /** A live (not archived) pipeline of the workspace. */
  Optional<Pipeline> find(TenantId tenant, PipelineId id);

  /** The live pipelines in the admins' order, the default one wherever they put it. */
  List<Stored> all(TenantId tenant);

  /** Stores a new pipeline with its stages, last in order; {@code isDefault}: the one the board and the API use. */
  void create(TenantId tenant, Pipeline pipeline, boolean isDefault);

  /**
   * Locks the pipeline's row for an admin's change (a concurrent change waits, then sees this one).
   *
   * @return empty when it is archived or not of this workspace.
   */
  Optional<Stored> lock(TenantId tenant, PipelineId id);

  /** Locks a stage's row: a deal moving into it meanwhile waits, then fails (its stage is gone). */
  void lockStage(TenantId tenant, PipelineId id, String key);

  /**
   * Writes the pipeline's name and stages (changed ones updated, new ones added; stages not listed stay
   * until {@link #removeStages}) and bumps its version.
   */
  void update(TenantId tenant, Pipeline pipeline);

  /** Deletes stages that hold no deal any more (their deals were moved first). */
  void removeStages(TenantId tenant, PipelineId id, List<String> keys);

  void archive(TenantId tenant, PipelineId id);

  void makeDefault(TenantId tenant, PipelineId id);

  /** Puts the live pipelines in this order. */
  void reorder(TenantId tenant, List<PipelineId> order);

  /** The pipeline {@code user} last chose for the board, if it is still live. */
  Optional<PipelineId> choice(TenantId tenant, UserId user);

  void choose(TenantId tenant, UserId user, PipelineId id);
}
