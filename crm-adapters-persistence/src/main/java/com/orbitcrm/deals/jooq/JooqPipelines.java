package com.orbitcrm.deals.jooq;

import static org.orbitcrm.db.jooq.Tables.PIPELINES;
import static org.orbitcrm.db.jooq.Tables.PIPELINE_STAGES;

import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Probability;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.deals.port.Pipelines;
import com.orbitcrm.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Pipelines and their stages in PostgreSQL ({@code pipelines}, {@code pipeline_stages}, V9). */
@Repository
class JooqPipelines implements Pipelines {

  private final DSLContext dsl;

  JooqPipelines(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Optional<Pipeline> findDefault(TenantId tenant) {
    return load(tenant, PIPELINES.IS_DEFAULT.isTrue());
  }

  @Override
  public Optional<Pipeline> find(TenantId tenant, PipelineId id) {
    return load(tenant, PIPELINES.ID.eq(id.value()));
  }

  /** One query: the pipeline's row with its stages (the pipeline is read on every board view and move). */
  private Optional<Pipeline> load(TenantId tenant, Condition which) {
    var rows = dsl.select(PIPELINES.ID, PIPELINES.NAME, PIPELINE_STAGES.KEY, PIPELINE_STAGES.LABEL,
            PIPELINE_STAGES.COLOR, PIPELINE_STAGES.POSITION, PIPELINE_STAGES.PROBABILITY, PIPELINE_STAGES.KIND)
        .from(PIPELINES)
        .join(PIPELINE_STAGES).on(PIPELINE_STAGES.TENANT_ID.eq(PIPELINES.TENANT_ID),
            PIPELINE_STAGES.PIPELINE_ID.eq(PIPELINES.ID))
        .where(PIPELINES.TENANT_ID.eq(tenant.value()), PIPELINES.ARCHIVED_AT.isNull(), which)
        .orderBy(PIPELINE_STAGES.POSITION)
        .fetch();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    UUID id = rows.getFirst().value1();
    List<Stage> stages = rows.stream().filter(r -> r.value1().equals(id))
        .map(r -> stage(r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8())).toList();
    return Optional.of(new Pipeline(new PipelineId(id), rows.getFirst().value2(), stages));
  }

  @Override
  public void create(TenantId tenant, Pipeline pipeline, boolean isDefault) {
    dsl.insertInto(PIPELINES)
        .set(PIPELINES.TENANT_ID, tenant.value())
        .set(PIPELINES.ID, pipeline.id().value())
        .set(PIPELINES.NAME, pipeline.name())
        .set(PIPELINES.IS_DEFAULT, isDefault)
        .execute();
    var insert = dsl.insertInto(PIPELINE_STAGES, PIPELINE_STAGES.TENANT_ID, PIPELINE_STAGES.PIPELINE_ID,
        PIPELINE_STAGES.KEY, PIPELINE_STAGES.LABEL, PIPELINE_STAGES.COLOR, PIPELINE_STAGES.POSITION,
        PIPELINE_STAGES.PROBABILITY, PIPELINE_STAGES.KIND);
    for (Stage s : pipeline.stages()) {
      insert = insert.values(tenant.value(), pipeline.id().value(), s.key(), s.label(), s.color(), s.order(),
          s.defaultProbability().percent(), s.kind().key());
    }
    insert.execute();
  }

  static Stage stage(String key, String label, String color, int position, int probability, String kind) {
    return new Stage(key, label, color, position, new Probability(probability), StageKind.fromKey(kind)
        .orElseThrow(() -> new IllegalStateException("unknown stage kind in the database: " + kind)));
  }
}
