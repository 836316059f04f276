package com.orbitcrm.imports.jooq;

import static org.orbitcrm.db.jooq.Tables.IMPORTS;
import static org.orbitcrm.db.jooq.Tables.IMPORT_RECORDS;
import static org.orbitcrm.db.jooq.Tables.IMPORT_REJECTS;

import com.orbitcrm.imports.ImportJob;
import com.orbitcrm.imports.ImportKind;
import com.orbitcrm.imports.ImportSettings;
import com.orbitcrm.imports.ImportStatus;
import com.orbitcrm.imports.Progress;
import com.orbitcrm.imports.RejectedRow;
import com.orbitcrm.imports.WrittenRecord;
import com.orbitcrm.imports.port.Imports;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.orbitcrm.db.jooq.tables.records.ImportsRecord;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports in PostgreSQL (V18): the job row with its file ({@code bytea}) and settings ({@code jsonb}, read
 * whole); a batch's refused rows and written records go in with multi-row inserts, in the batch's transaction,
 * as the application role (row-level security applies; {@code COPY} would be refused under it).
 */
@Repository
class JooqImports implements Imports {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, @Nullable String>> FIELDS = new TypeReference<>() {};

  /** Every column but the file: the progress page reads the job every second. */
  private static final List<org.jooq.Field<?>> WITHOUT_FILE = Arrays.stream(IMPORTS.fields())
      .filter(f -> !f.equals(IMPORTS.FILE)).toList();

  private final DSLContext dsl;

  JooqImports(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public void insert(ImportJob job, byte[] file) {
    ImportsRecord r = dsl.newRecord(IMPORTS);
    write(r, job);
    r.setTenantId(job.tenant().value());
    r.setId(job.id());
    r.setEntity(job.kind().key());
    r.setFileName(job.fileName());
    r.setFile(file);
    r.setCreatedBy(job.createdBy() == null ? null : job.createdBy().value());
    r.setCreatedAt(at(job.createdAt()));
    dsl.insertInto(IMPORTS).set(r).execute();
  }

  @Override
  public Optional<ImportJob> find(TenantId tenant, UUID id) {
    return dsl.select(WITHOUT_FILE)
        .from(IMPORTS)
        .where(IMPORTS.TENANT_ID.eq(tenant.value()), IMPORTS.ID.eq(id))
        .fetchOptional(r -> toJob(r.into(IMPORTS)));
  }

  @Override
  public List<ImportJob> latest(TenantId tenant, int limit) {
    return dsl.select(WITHOUT_FILE)
        .from(IMPORTS)
        .where(IMPORTS.TENANT_ID.eq(tenant.value()))
        .orderBy(IMPORTS.CREATED_AT.desc(), IMPORTS.ID.desc())
        .limit(limit)
        .fetch(r -> toJob(r.into(IMPORTS)));
  }

  @Override
  public void save(ImportJob job) {
    ImportsRecord r = dsl.newRecord(IMPORTS);
    write(r, job);
    dsl.update(IMPORTS).set(r)
        .set(IMPORTS.VERSION, IMPORTS.VERSION.plus(1))
        .where(IMPORTS.TENANT_ID.eq(job.tenant().value()), IMPORTS.ID.eq(job.id()))
        .execute();
  }

  private static void write(ImportsRecord r, ImportJob job) {
    r.setStatus(job.status().key());
    r.setDryRun(job.dryRun());
    r.setSettings(JSONB.valueOf(JSON.writeValueAsString(job.settings())));
    r.setTotal(job.total());
    r.setProcessed(job.processed());
    r.setCreated(job.created());
    r.setUpdated(job.updated());
    r.setRejected(job.rejected());
    r.setError(job.error());
    r.setStartedAt(job.startedAt() == null ? null : at(job.startedAt()));
    r.setFinishedAt(job.finishedAt() == null ? null : at(job.finishedAt()));
    r.setUndoneAt(job.undoneAt() == null ? null : at(job.undoneAt()));
  }

  @Override
  public Optional<byte[]> file(TenantId tenant, UUID id) {
    return dsl.select(IMPORTS.FILE).from(IMPORTS)
        .where(IMPORTS.TENANT_ID.eq(tenant.value()), IMPORTS.ID.eq(id))
        .fetchOptional(IMPORTS.FILE)
        .filter(java.util.Objects::nonNull);
  }

  @Override
  public void recordBatch(TenantId tenant, UUID id, int total, Progress after, List<RejectedRow> rejects,
                          List<WrittenRecord> written) {
    dsl.update(IMPORTS)
        .set(IMPORTS.TOTAL, total)
        .set(IMPORTS.PROCESSED, after.processed())
        .set(IMPORTS.CREATED, after.created())
        .set(IMPORTS.UPDATED, after.updated())
        .set(IMPORTS.REJECTED, after.rejected())
        .where(IMPORTS.TENANT_ID.eq(tenant.value()), IMPORTS.ID.eq(id))
        .execute();
    for (int from = 0; from < rejects.size(); from += 1_000) {
      var insert = dsl.insertInto(IMPORT_REJECTS, IMPORT_REJECTS.TENANT_ID, IMPORT_REJECTS.IMPORT_ID,
          IMPORT_REJECTS.LINE, IMPORT_REJECTS.REASON, IMPORT_REJECTS.FIELDS);
      for (RejectedRow r : rejects.subList(from, Math.min(rejects.size(), from + 1_000))) {
        insert = insert.values(tenant.value(), id, r.line(), r.reason(),
            r.fields().stream().map(f -> f == null ? "" : f).toArray(String[]::new));
      }
      insert.onConflictDoNothing().execute();
    }
    for (int from = 0; from < written.size(); from += 5_000) {
      var insert = dsl.insertInto(IMPORT_RECORDS, IMPORT_RECORDS.TENANT_ID, IMPORT_RECORDS.IMPORT_ID,
          IMPORT_RECORDS.ENTITY_TYPE, IMPORT_RECORDS.RECORD_ID, IMPORT_RECORDS.ACTION, IMPORT_RECORDS.PREVIOUS);
      for (WrittenRecord w : written.subList(from, Math.min(written.size(), from + 5_000))) {
        insert = insert.values(tenant.value(), id, w.type().key(), w.id(), w.created() ? "created" : "updated",
            w.previous() == null ? null : JSONB.valueOf(JSON.writeValueAsString(w.previous())));
      }
      insert.onConflictDoNothing().execute();
    }
  }

  @Override
  public void clearRun(TenantId tenant, UUID id) {
    dsl.deleteFrom(IMPORT_REJECTS)
        .where(IMPORT_REJECTS.TENANT_ID.eq(tenant.value()), IMPORT_REJECTS.IMPORT_ID.eq(id)).execute();
    dsl.deleteFrom(IMPORT_RECORDS)
        .where(IMPORT_RECORDS.TENANT_ID.eq(tenant.value()), IMPORT_RECORDS.IMPORT_ID.eq(id)).execute();
  }

  @Override
  public List<RejectedRow> rejects(TenantId tenant, UUID id, int limit) {
    return dsl.select(IMPORT_REJECTS.LINE, IMPORT_REJECTS.REASON, IMPORT_REJECTS.FIELDS)
        .from(IMPORT_REJECTS)
        .where(IMPORT_REJECTS.TENANT_ID.eq(tenant.value()), IMPORT_REJECTS.IMPORT_ID.eq(id))
        .orderBy(IMPORT_REJECTS.LINE)
        .limit(limit)
        .fetch(r -> new RejectedRow(r.value1(), r.value2(), Arrays.asList(r.value3())));
  }

  @Override
  public List<WrittenRecord> written(TenantId tenant, UUID id) {
    return dsl.select(IMPORT_RECORDS.ENTITY_TYPE, IMPORT_RECORDS.RECORD_ID, IMPORT_RECORDS.ACTION,
            IMPORT_RECORDS.PREVIOUS)
        .from(IMPORT_RECORDS)
        .where(IMPORT_RECORDS.TENANT_ID.eq(tenant.value()), IMPORT_RECORDS.IMPORT_ID.eq(id))
        .fetch(r -> new WrittenRecord(new RecordType(r.value1()), r.value2(), r.value3().equals("created"),
            r.value4() == null ? null : JSON.readValue(r.value4().data(), FIELDS)));
  }

  private static ImportJob toJob(ImportsRecord r) {
    return new ImportJob(r.getId(), new TenantId(r.getTenantId()),
        ImportKind.fromKey(r.getEntity()).orElseThrow(),
        ImportStatus.fromKey(r.getStatus()).orElseThrow(), r.getDryRun(), r.getFileName(),
        JSON.readValue(r.getSettings().data(), ImportSettings.class), r.getTotal(), r.getProcessed(),
        r.getCreated(), r.getUpdated(), r.getRejected(), r.getError(),
        r.getCreatedBy() == null ? null : new UserId(r.getCreatedBy()), r.getCreatedAt().toInstant(),
        instant(r.getStartedAt()), instant(r.getFinishedAt()), instant(r.getUndoneAt()));
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
