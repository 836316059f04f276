package com.orbitcrm.timeline.jooq;

import static org.orbitcrm.db.jooq.Tables.CRM_NOTES;

import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.timeline.Note;
import com.orbitcrm.timeline.NoteColor;
import com.orbitcrm.timeline.port.Notes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.orbitcrm.db.jooq.tables.records.CrmNotesRecord;
import org.springframework.stereotype.Repository;

/** Notes in PostgreSQL: pinned first, then newest, on {@code crm_notes_entity_idx}. */
@Repository
class JooqNotes implements Notes {

  private final DSLContext dsl;

  JooqNotes(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public void insert(Note n) {
    CrmNotesRecord r = dsl.newRecord(CRM_NOTES);
    r.setTenantId(n.tenant().value());
    r.setId(n.id());
    r.setEntityType(n.entity().type().key());
    r.setEntityId(n.entity().id());
    r.setContent(n.content());
    r.setIsPinned(n.pinned());
    r.setColor(n.color().key());
    r.setCreatedBy(n.createdBy() == null ? null : n.createdBy().value());
    r.setCreatedAt(n.createdAt().atOffset(ZoneOffset.UTC));
    r.setUpdatedAt(n.updatedAt().atOffset(ZoneOffset.UTC));
    dsl.insertInto(CRM_NOTES).set(r).execute();
  }

  @Override
  public Optional<Note> find(TenantId tenant, UUID id) {
    return dsl.selectFrom(CRM_NOTES).where(CRM_NOTES.TENANT_ID.eq(tenant.value()), CRM_NOTES.ID.eq(id))
        .fetchOptional(JooqNotes::toNote);
  }

  @Override
  public List<Note> of(TenantId tenant, RecordRef entity, int limit) {
    return dsl.selectFrom(CRM_NOTES)
        .where(CRM_NOTES.TENANT_ID.eq(tenant.value()), CRM_NOTES.ENTITY_TYPE.eq(entity.type().key()),
            CRM_NOTES.ENTITY_ID.eq(entity.id()), CRM_NOTES.DELETED_AT.isNull())
        .orderBy(CRM_NOTES.IS_PINNED.desc(), CRM_NOTES.CREATED_AT.desc(), CRM_NOTES.ID.desc())
        .limit(limit)
        .fetch(JooqNotes::toNote);
  }

  @Override
  public boolean update(Note n) {
    return dsl.update(CRM_NOTES)
        .set(CRM_NOTES.CONTENT, n.content())
        .set(CRM_NOTES.IS_PINNED, n.pinned())
        .set(CRM_NOTES.COLOR, n.color().key())
        .where(CRM_NOTES.TENANT_ID.eq(n.tenant().value()), CRM_NOTES.ID.eq(n.id()),
            CRM_NOTES.VERSION.eq(n.version()), CRM_NOTES.DELETED_AT.isNull())
        .execute() == 1;
  }

  @Override
  public boolean trash(TenantId tenant, UUID id, Instant at) {
    return dsl.update(CRM_NOTES).set(CRM_NOTES.DELETED_AT, at.atOffset(ZoneOffset.UTC))
        .where(CRM_NOTES.TENANT_ID.eq(tenant.value()), CRM_NOTES.ID.eq(id), CRM_NOTES.DELETED_AT.isNull())
        .execute() == 1;
  }

  @Override
  public boolean restore(TenantId tenant, UUID id) {
    return dsl.update(CRM_NOTES).setNull(CRM_NOTES.DELETED_AT)
        .where(CRM_NOTES.TENANT_ID.eq(tenant.value()), CRM_NOTES.ID.eq(id), CRM_NOTES.DELETED_AT.isNotNull())
        .execute() == 1;
  }

  private static Note toNote(CrmNotesRecord r) {
    return new Note(r.getId(), new TenantId(r.getTenantId()),
        new RecordRef(new RecordType(r.getEntityType()), r.getEntityId()), r.getContent(),
        Boolean.TRUE.equals(r.getIsPinned()), NoteColor.of(r.getColor()).orElse(NoteColor.DEFAULT),
        r.getCreatedBy() == null ? null : new UserId(r.getCreatedBy()), r.getCreatedAt().toInstant(),
        r.getUpdatedAt().toInstant(), r.getDeletedAt() == null ? null : r.getDeletedAt().toInstant(), r.getVersion());
  }

  @Override
  public int deleteAllOf(TenantId tenant, RecordRef entity) {
    return dsl.deleteFrom(CRM_NOTES)
        .where(CRM_NOTES.TENANT_ID.eq(tenant.value()), CRM_NOTES.ENTITY_TYPE.eq(entity.type().key()),
            CRM_NOTES.ENTITY_ID.eq(entity.id()))
        .execute();
  }
}
