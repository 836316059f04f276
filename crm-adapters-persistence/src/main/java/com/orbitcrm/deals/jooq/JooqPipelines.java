package com.orbitcrm.deals.jooq;

import static org.orbitcrm.db.jooq.Tables.PIPELINES;
import static org.orbitcrm.db.jooq.Tables.PIPELINE_CHOICES;
import static org.orbitcrm.db.jooq.Tables.PIPELINE_STAGES;

import com.orbitcrm.deals.EntryRequirements;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Probability;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.deals.port.Pipelines;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
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
    if (ReadMemo.active()) {
      return all(tenant).stream().filter(Stored::isDefault).findFirst().map(Stored::pipeline);
    }
    return load(tenant, PIPELINES.IS_DEFAULT.isTrue());
  }

  @Override
  public Optional<Pipeline> find(TenantId tenant, PipelineId id) {
    if (ReadMemo.active()) {
      return all(tenant).stream().map(Stored::pipeline).filter(p -> p.id().equals(id)).findFirst();
    }
    return load(tenant, PIPELINES.ID.eq(id.value()));
  }

  /** One query: the pipeline's row with its stages (the pipeline is read on every board view and move). */
  private Optional<Pipeline> load(TenantId tenant, Condition which) {
    return read(tenant, which, false).stream().findFirst().map(Stored::pipeline);
  }

  @Override
  public List<Stored> all(TenantId tenant) {
    // A page asks several times (switcher, choice, board): read once per read-only transaction.
    return ReadMemo.get(new AllOf(tenant), () -> List.copyOf(read(tenant, DSL.noCondition(), false)));
  }

  @Override
  public Optional<Stored> lock(TenantId tenant, PipelineId id) {
    dsl.select(PIPELINES.ID).from(PIPELINES)
        .where(PIPELINES.TENANT_ID.eq(tenant.value()), PIPELINES.ID.eq(id.value()), PIPELINES.ARCHIVED_AT.isNull())
        // NO KEY UPDATE: admins' changes wait for each other, while deals written meanwhile (whose foreign
        // key takes KEY SHARE on this row) do not wait for them.
        .forNoKeyUpdate().fetch();
    return read(tenant, PIPELINES.ID.eq(id.value()), true).stream().findFirst();
  }

  @Override
  public void lockStage(TenantId tenant, PipelineId id, String key) {
    dsl.select(PIPELINE_STAGES.KEY).from(PIPELINE_STAGES)
        .where(PIPELINE_STAGES.TENANT_ID.eq(tenant.value()), PIPELINE_STAGES.PIPELINE_ID.eq(id.value()),
            PIPELINE_STAGES.KEY.eq(key))
        .forUpdate().fetch();
  }

  private List<Stored> read(TenantId tenant, Condition which, boolean locked) {
    var rows = dsl.select(PIPELINES.ID, PIPELINES.NAME, PIPELINES.IS_DEFAULT, PIPELINES.VERSION, PIPELINE_STAGES.KEY,
            PIPELINE_STAGES.LABEL, PIPELINE_STAGES.COLOR, PIPELINE_STAGES.POSITION, PIPELINE_STAGES.PROBABILITY,
            PIPELINE_STAGES.KIND, PIPELINE_STAGES.REQUIRED_FIELDS)
        .from(PIPELINES)
        .join(PIPELINE_STAGES).on(PIPELINE_STAGES.TENANT_ID.eq(PIPELINES.TENANT_ID),
            PIPELINE_STAGES.PIPELINE_ID.eq(PIPELINES.ID))
        .where(PIPELINES.TENANT_ID.eq(tenant.value()), PIPELINES.ARCHIVED_AT.isNull(), which)
        .orderBy(PIPELINES.POSITION, PIPELINES.CREATED_AT, PIPELINES.ID, PIPELINE_STAGES.POSITION)
        .fetch();
    var byId = new LinkedHashMap<UUID, List<Record>>();
    rows.forEach(r -> byId.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r));
    return byId.entrySet().stream().map(e -> {
      var first = e.getValue().getFirst();
      List<Stage> stages = e.getValue().stream().map(r -> stage(r.get(PIPELINE_STAGES.KEY), r.get(PIPELINE_STAGES.LABEL),
          r.get(PIPELINE_STAGES.COLOR), r.get(PIPELINE_STAGES.POSITION), r.get(PIPELINE_STAGES.PROBABILITY),
          r.get(PIPELINE_STAGES.KIND), r.get(PIPELINE_STAGES.REQUIRED_FIELDS))).toList();
      return new Stored(new Pipeline(new PipelineId(e.getKey()), first.get(PIPELINES.NAME), stages),
          first.get(PIPELINES.IS_DEFAULT), first.get(PIPELINES.VERSION));
    }).toList();
  }

  @Override
  public void create(TenantId tenant, Pipeline pipeline, boolean isDefault) {
    dsl.insertInto(PIPELINES)
        .set(PIPELINES.TENANT_ID, tenant.value())
        .set(PIPELINES.ID, pipeline.id().value())
        .set(PIPELINES.NAME, pipeline.name())
        .set(PIPELINES.IS_DEFAULT, isDefault)
        .set(PIPELINES.POSITION, DSL.select(DSL.coalesce(DSL.max(PIPELINES.POSITION).plus(1), 0)).from(PIPELINES)
            .where(PIPELINES.TENANT_ID.eq(tenant.value())).<Integer>asField())
        .execute();
    insertStages(tenant, pipeline, pipeline.stages());
  }

  private void insertStages(TenantId tenant, Pipeline pipeline, List<Stage> stages) {
    if (stages.isEmpty()) {
      return;
    }
    var insert = dsl.insertInto(PIPELINE_STAGES, PIPELINE_STAGES.TENANT_ID, PIPELINE_STAGES.PIPELINE_ID,
        PIPELINE_STAGES.KEY, PIPELINE_STAGES.LABEL, PIPELINE_STAGES.COLOR, PIPELINE_STAGES.POSITION,
        PIPELINE_STAGES.PROBABILITY, PIPELINE_STAGES.KIND, PIPELINE_STAGES.REQUIRED_FIELDS);
    for (Stage s : stages) {
      insert = insert.values(tenant.value(), pipeline.id().value(), s.key(), s.label(), s.color(), s.order(),
          s.defaultProbability().percent(), s.kind().key(), s.requirements().fields().toArray(String[]::new));
    }
    insert.execute();
  }

  @Override
  public void update(TenantId tenant, Pipeline pipeline) {
    var id = pipeline.id().value();
    dsl.update(PIPELINES).set(PIPELINES.NAME, pipeline.name()).set(PIPELINES.VERSION, PIPELINES.VERSION.plus(1))
        .where(PIPELINES.TENANT_ID.eq(tenant.value()), PIPELINES.ID.eq(id)).execute();
    var existing = dsl.select(PIPELINE_STAGES.KEY).from(PIPELINE_STAGES)
        .where(PIPELINE_STAGES.TENANT_ID.eq(tenant.value()), PIPELINE_STAGES.PIPELINE_ID.eq(id))
        .fetchSet(PIPELINE_STAGES.KEY);
    for (Stage s : pipeline.stages()) {
      if (existing.contains(s.key())) {
        dsl.update(PIPELINE_STAGES)
            .set(PIPELINE_STAGES.LABEL, s.label())
            .set(PIPELINE_STAGES.COLOR, s.color())
            .set(PIPELINE_STAGES.POSITION, s.order())
            .set(PIPELINE_STAGES.PROBABILITY, s.defaultProbability().percent())
            .set(PIPELINE_STAGES.KIND, s.kind().key())
            .set(PIPELINE_STAGES.REQUIRED_FIELDS, s.requirements().fields().toArray(String[]::new))
            .set(PIPELINE_STAGES.VERSION, PIPELINE_STAGES.VERSION.plus(1))
            .where(PIPELINE_STAGES.TENANT_ID.eq(tenant.value()), PIPELINE_STAGES.PIPELINE_ID.eq(id),
                PIPELINE_STAGES.KEY.eq(s.key()))
            .execute();
      }
    }
    insertStages(tenant, pipeline, pipeline.stages().stream().filter(s -> !existing.contains(s.key())).toList());
  }

  @Override
  public void removeStages(TenantId tenant, PipelineId id, List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    dsl.deleteFrom(PIPELINE_STAGES)
        .where(PIPELINE_STAGES.TENANT_ID.eq(tenant.value()), PIPELINE_STAGES.PIPELINE_ID.eq(id.value()),
            PIPELINE_STAGES.KEY.in(keys))
        .execute();
  }

  @Override
  public void archive(TenantId tenant, PipelineId id) {
    dsl.update(PIPELINES).set(PIPELINES.ARCHIVED_AT, DSL.currentOffsetDateTime())
        .set(PIPELINES.VERSION, PIPELINES.VERSION.plus(1))
        .where(PIPELINES.TENANT_ID.eq(tenant.value()), PIPELINES.ID.eq(id.value()), PIPELINES.IS_DEFAULT.isFalse())
        .execute();
  }

  @Override
  public void makeDefault(TenantId tenant, PipelineId id) {
    // Two statements: the partial unique index allows one default at a time, at every moment.
    dsl.update(PIPELINES).set(PIPELINES.IS_DEFAULT, false)
        .where(PIPELINES.TENANT_ID.eq(tenant.value()), PIPELINES.IS_DEFAULT.isTrue(), PIPELINES.ID.ne(id.value()))
        .execute();
    dsl.update(PIPELINES).set(PIPELINES.IS_DEFAULT, true)
        .where(PIPELINES.TENANT_ID.eq(tenant.value()), PIPELINES.ID.eq(id.value()), PIPELINES.ARCHIVED_AT.isNull())
        .execute();
  }

  @Override
  public void reorder(TenantId tenant, List<PipelineId> order) {
    for (int i = 0; i < order.size(); i++) {
      dsl.update(PIPELINES).set(PIPELINES.POSITION, i)
          .where(PIPELINES.TENANT_ID.eq(tenant.value()), PIPELINES.ID.eq(order.get(i).value()))
          .execute();
    }
  }

  @Override
  public Optional<PipelineId> choice(TenantId tenant, UserId user) {
    return dsl.select(PIPELINE_CHOICES.PIPELINE_ID).from(PIPELINE_CHOICES)
        .join(PIPELINES).on(PIPELINES.TENANT_ID.eq(PIPELINE_CHOICES.TENANT_ID),
            PIPELINES.ID.eq(PIPELINE_CHOICES.PIPELINE_ID))
        .where(PIPELINE_CHOICES.TENANT_ID.eq(tenant.value()), PIPELINE_CHOICES.USER_ID.eq(user.value()),
            PIPELINES.ARCHIVED_AT.isNull())
        .fetchOptional(r -> new PipelineId(r.value1()));
  }

  @Override
  public void choose(TenantId tenant, UserId user, PipelineId id) {
    dsl.insertInto(PIPELINE_CHOICES)
        .set(PIPELINE_CHOICES.TENANT_ID, tenant.value())
        .set(PIPELINE_CHOICES.USER_ID, user.value())
        .set(PIPELINE_CHOICES.PIPELINE_ID, id.value())
        .onConflict(PIPELINE_CHOICES.TENANT_ID, PIPELINE_CHOICES.USER_ID)
        .doUpdate().set(PIPELINE_CHOICES.PIPELINE_ID, id.value()).set(PIPELINE_CHOICES.UPDATED_AT, DSL.currentOffsetDateTime())
        .execute();
  }

  static Stage stage(String key, String label, String color, int position, int probability, String kind,
                     String[] required) {
    return new Stage(key, label, color, position, new Probability(probability), StageKind.fromKey(kind)
        .orElseThrow(() -> new IllegalStateException("unknown stage kind in the database: " + kind)),
        required == null || required.length == 0 ? EntryRequirements.NONE : new EntryRequirements(Arrays.asList(required)));
  }

  /** The memo's key for a workspace's pipelines. */
  private record AllOf(TenantId tenant) {}
}
