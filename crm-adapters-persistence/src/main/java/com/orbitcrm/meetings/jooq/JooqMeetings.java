package com.orbitcrm.meetings.jooq;

import static org.orbitcrm.db.jooq.Tables.CRM_MEETINGS;
import static org.orbitcrm.db.jooq.Tables.MEETING_SEARCH_WORDS;
import static org.orbitcrm.db.jooq.Tables.CRM_MEETING_ATTENDEES;

import com.orbitcrm.meetings.LocationType;
import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingAttendee;
import com.orbitcrm.meetings.MeetingDetails;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.MeetingQuery;
import com.orbitcrm.meetings.MeetingStatus;
import com.orbitcrm.meetings.Rsvp;
import com.orbitcrm.meetings.port.Meetings;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.HashMap;
import com.orbitcrm.platform.SearchWords;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.Result;
import org.jspecify.annotations.Nullable;
import org.orbitcrm.db.jooq.tables.records.CrmMeetingAttendeesRecord;
import org.orbitcrm.db.jooq.tables.records.CrmMeetingsRecord;
import org.springframework.stereotype.Repository;

/**
 * Meetings in PostgreSQL, attendees as rows of {@code crm_meeting_attendees}. Lists read the start-time
 * indexes of V11 with leakproof conditions only (uuid, text and timestamptz comparisons), bounding an
 * overlap query by {@link MeetingQuery#earliestStart()} so it never scans from the beginning of time; the
 * attendees of a page come in one more query.
 */
@Repository
class JooqMeetings implements Meetings {

  private final DSLContext dsl;

  JooqMeetings(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public void insert(Meeting m) {
    CrmMeetingsRecord r = dsl.newRecord(CRM_MEETINGS);
    r.setTenantId(m.tenant().value());
    r.setId(m.id().value());
    write(r, m);
    r.setCreatedBy(m.createdBy() == null ? null : m.createdBy().value());
    r.setCreatedAt(utc(m.createdAt()));
    r.setUpdatedAt(utc(m.updatedAt()));
    dsl.insertInto(CRM_MEETINGS).set(r).execute();
    writeAttendees(m);
  }

  @Override
  public Optional<Meeting> find(TenantId tenant, MeetingId id) {
    return one(dsl.selectFrom(CRM_MEETINGS).where(CRM_MEETINGS.TENANT_ID.eq(tenant.value()),
        CRM_MEETINGS.ID.eq(id.value()), CRM_MEETINGS.DELETED_AT.isNull()).fetchOptional());
  }

  @Override
  public List<Meeting> findByWords(TenantId tenant, List<String> words, int limit) {
    if (words.isEmpty()) {
      return List.of();
    }
    var w = MEETING_SEARCH_WORDS.as("w");
    // The longest word drives (the narrowest range of the index); the others are checked per record.
    String first = words.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
    Condition where = w.TENANT_ID.eq(tenant.value()).and(w.WORD.between(first,
        first + SearchWords.LAST));
    for (String other : words.stream().filter(o -> !o.equals(first)).toList()) {
      var o = MEETING_SEARCH_WORDS.as("o");
      where = where.and(DSL.exists(DSL.selectOne().from(o).where(o.TENANT_ID.eq(tenant.value()),
          o.MEETING_ID.eq(w.MEETING_ID), o.WORD.between(other, other + SearchWords.LAST))));
    }
    List<UUID> ids = dsl.select(w.MEETING_ID).from(w).where(where).orderBy(w.WORD, w.MEETING_ID).limit(limit * 4)
        .fetch(r -> r.value1()).stream().distinct().limit(limit).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Meeting> found = new HashMap<>();
    many(tenant, dsl.selectFrom(CRM_MEETINGS).where(CRM_MEETINGS.TENANT_ID.eq(tenant.value()), CRM_MEETINGS.ID.in(ids),
        CRM_MEETINGS.DELETED_AT.isNull()).fetch()).forEach(m -> found.put(m.id().value(), m));
    return ids.stream().map(found::get).filter(Objects::nonNull).toList();
  }

  @Override
  public Optional<Meeting> findEvenDeleted(TenantId tenant, MeetingId id) {
    return one(dsl.selectFrom(CRM_MEETINGS).where(CRM_MEETINGS.TENANT_ID.eq(tenant.value()),
        CRM_MEETINGS.ID.eq(id.value())).fetchOptional());
  }

  @Override
  public Optional<Meeting> lock(TenantId tenant, MeetingId id) {
    return one(dsl.selectFrom(CRM_MEETINGS).where(CRM_MEETINGS.TENANT_ID.eq(tenant.value()),
        CRM_MEETINGS.ID.eq(id.value()), CRM_MEETINGS.DELETED_AT.isNull()).forUpdate().fetchOptional());
  }

  @Override
  public boolean update(Meeting m) {
    CrmMeetingsRecord r = dsl.newRecord(CRM_MEETINGS);
    write(r, m);
    int updated = dsl.update(CRM_MEETINGS).set(r)
        .where(CRM_MEETINGS.TENANT_ID.eq(m.tenant().value()), CRM_MEETINGS.ID.eq(m.id().value()),
            CRM_MEETINGS.VERSION.eq(m.version()), CRM_MEETINGS.DELETED_AT.isNull())
        .execute();
    if (updated != 1) {
      return false;
    }
    dsl.deleteFrom(CRM_MEETING_ATTENDEES).where(CRM_MEETING_ATTENDEES.TENANT_ID.eq(m.tenant().value()),
        CRM_MEETING_ATTENDEES.MEETING_ID.eq(m.id().value())).execute();
    writeAttendees(m);
    return true;
  }

  @Override
  public void markReminded(TenantId tenant, MeetingId id, Instant at) {
    dsl.update(CRM_MEETINGS).set(CRM_MEETINGS.REMINDER_SENT, true).set(CRM_MEETINGS.REMINDED_AT, utc(at))
        .where(CRM_MEETINGS.TENANT_ID.eq(tenant.value()), CRM_MEETINGS.ID.eq(id.value()))
        .execute();
  }

  @Override
  public boolean delete(TenantId tenant, MeetingId id, Instant at) {
    return dsl.update(CRM_MEETINGS).set(CRM_MEETINGS.DELETED_AT, utc(at))
        .where(CRM_MEETINGS.TENANT_ID.eq(tenant.value()), CRM_MEETINGS.ID.eq(id.value()),
            CRM_MEETINGS.DELETED_AT.isNull())
        .execute() == 1;
  }

  @Override
  public List<Meeting> list(TenantId tenant, MeetingQuery q) {
    var where = new ArrayList<Condition>();
    where.add(CRM_MEETINGS.TENANT_ID.eq(tenant.value()));
    where.add(CRM_MEETINGS.DELETED_AT.isNull());
    if (q.from() != null) {
      // Overlaps [from, …): ends after from, so started at most MAX_DURATION before it (an index range).
      where.add(CRM_MEETINGS.START_TIME.ge(utc(q.earliestStart())));
      where.add(CRM_MEETINGS.END_TIME.gt(utc(q.from())));
    }
    if (q.to() != null) {
      where.add(CRM_MEETINGS.START_TIME.lt(utc(q.to())));
    }
    if (q.entity() != null) {
      where.add(CRM_MEETINGS.ENTITY_TYPE.eq(q.entity().type().key()));
      where.add(CRM_MEETINGS.ENTITY_ID.eq(q.entity().id()));
    }
    if (q.dealId() != null) {
      where.add(CRM_MEETINGS.DEAL_ID.eq(q.dealId()));
    }
    if (q.organizer() != null) {
      where.add(CRM_MEETINGS.ORGANIZER_ID.eq(q.organizer().value()));
    }
    if (q.status() != null) {
      where.add(CRM_MEETINGS.STATUS.eq(q.status().key()));
    }
    if (q.participant() != null) {
      var invited = DSL.select(CRM_MEETING_ATTENDEES.MEETING_ID).from(CRM_MEETING_ATTENDEES)
          .where(CRM_MEETING_ATTENDEES.TENANT_ID.eq(tenant.value()),
              CRM_MEETING_ATTENDEES.EMAIL.eq(q.participant().email().value()));
      where.add(CRM_MEETINGS.ORGANIZER_ID.eq(q.participant().user().value()).or(CRM_MEETINGS.ID.in(invited)));
    }
    if (q.after() != null) {
      where.add(DSL.row(CRM_MEETINGS.START_TIME, CRM_MEETINGS.ID).gt(utc(q.after().start()), q.after().id()));
    }
    var order = q.newestFirst() ? List.of(CRM_MEETINGS.START_TIME.desc(), CRM_MEETINGS.ID.desc())
        : List.of(CRM_MEETINGS.START_TIME.asc(), CRM_MEETINGS.ID.asc());
    return many(tenant, dsl.selectFrom(CRM_MEETINGS).where(where).orderBy(order).limit(q.limit()).fetch());
  }

  /**
   * Two index-ordered halves, each at most {@code limit}: the person's own meetings by reminder time
   * ({@code crm_meetings_reminded_idx}) and those they are invited to (through the attendees' e-mail
   * index) — not a scan of every reminded meeting of the workspace with an OR.
   */
  @Override
  public List<Meeting> remindedFor(TenantId tenant, MeetingQuery.Participant who, int limit) {
    var m = CRM_MEETINGS.as("m");
    var a = CRM_MEETING_ATTENDEES.as("a");
    var organized = dsl.select(m.fields()).from(m)
        .where(m.TENANT_ID.eq(tenant.value()), m.ORGANIZER_ID.eq(who.user().value()), m.REMINDED_AT.isNotNull(),
            m.DELETED_AT.isNull())
        .orderBy(m.REMINDED_AT.desc(), m.ID.desc()).limit(limit);
    var invited = dsl.select(m.fields()).from(a)
        .join(m).on(m.TENANT_ID.eq(a.TENANT_ID), m.ID.eq(a.MEETING_ID))
        .where(a.TENANT_ID.eq(tenant.value()), a.EMAIL.eq(who.email().value()), m.REMINDED_AT.isNotNull(),
            m.DELETED_AT.isNull())
        .orderBy(m.REMINDED_AT.desc(), m.ID.desc()).limit(limit);
    var both = organized.union(invited).asTable("r");
    return many(tenant, dsl.select(both.fields()).from(both)
        .orderBy(both.field(CRM_MEETINGS.REMINDED_AT).desc(), both.field(CRM_MEETINGS.ID).desc())
        .limit(limit)
        .fetchInto(CRM_MEETINGS));
  }

  @Override
  public Map<MeetingId, String> titles(TenantId tenant, Collection<MeetingId> ids) {
    var titles = new LinkedHashMap<MeetingId, String>();
    dsl.select(CRM_MEETINGS.ID, CRM_MEETINGS.TITLE).from(CRM_MEETINGS)
        .where(CRM_MEETINGS.TENANT_ID.eq(tenant.value()), CRM_MEETINGS.ID.in(ids.stream().map(MeetingId::value).toList()),
            CRM_MEETINGS.DELETED_AT.isNull())
        .forEach(r -> titles.put(new MeetingId(r.value1()), r.value2()));
    return titles;
  }

  @Override
  public int deleteAllOf(TenantId tenant, RecordRef entity) {
    return dsl.deleteFrom(CRM_MEETINGS)
        .where(CRM_MEETINGS.TENANT_ID.eq(tenant.value()), CRM_MEETINGS.ENTITY_TYPE.eq(entity.type().key()),
            CRM_MEETINGS.ENTITY_ID.eq(entity.id()))
        .execute();
  }

  // ---- Mapping --------------------------------------------------------------------------------------

  private static void write(CrmMeetingsRecord r, Meeting m) {
    MeetingDetails d = m.details();
    r.setTitle(d.title());
    r.setDescription(d.description());
    r.setStartTime(utc(d.start()));
    r.setEndTime(utc(d.end()));
    r.setTimezone(d.zone().getId());
    r.setLocationType(d.locationType().key());
    r.setLocation(d.location());
    r.setMeetingUrl(d.meetingUrl());
    r.setEntityType(m.entity() == null ? null : m.entity().type().key());
    r.setEntityId(m.entity() == null ? null : m.entity().id());
    r.setDealId(m.dealId());
    r.setReminderMinutes(d.reminderMinutes());
    r.setReminderSent(m.reminderSent());
    r.setRemindedAt(m.remindedAt() == null ? null : utc(m.remindedAt()));
    r.setStatus(m.status().key());
    r.setNotes(d.notes());
    r.setOutcome(d.outcome());
    r.setOrganizerId(m.organizer() == null ? null : m.organizer().value());
    r.setSequence(m.sequence());
  }

  private void writeAttendees(Meeting m) {
    var rows = new ArrayList<CrmMeetingAttendeesRecord>();
    int position = 0;
    for (MeetingAttendee a : m.details().attendees()) {
      CrmMeetingAttendeesRecord r = dsl.newRecord(CRM_MEETING_ATTENDEES);
      r.setTenantId(m.tenant().value());
      r.setMeetingId(m.id().value());
      r.setPosition(position++);
      r.setEmail(a.email().value());
      r.setName(a.name());
      r.setStatus(a.status().key());
      r.setRespondedAt(a.respondedAt() == null ? null : utc(a.respondedAt()));
      rows.add(r);
    }
    if (!rows.isEmpty()) {
      dsl.batchInsert(rows).execute();
    }
  }

  private Optional<Meeting> one(Optional<CrmMeetingsRecord> row) {
    return row.map(r -> many(new TenantId(r.getTenantId()), List.of(r)).getFirst());
  }

  private List<Meeting> many(TenantId tenant, List<CrmMeetingsRecord> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<MeetingAttendee>> attendees = dsl.selectFrom(CRM_MEETING_ATTENDEES)
        .where(CRM_MEETING_ATTENDEES.TENANT_ID.eq(tenant.value()),
            CRM_MEETING_ATTENDEES.MEETING_ID.in(rows.stream().map(CrmMeetingsRecord::getId).toList()))
        .orderBy(CRM_MEETING_ATTENDEES.MEETING_ID, CRM_MEETING_ATTENDEES.POSITION)
        .fetch().stream()
        .collect(Collectors.groupingBy(CrmMeetingAttendeesRecord::getMeetingId, LinkedHashMap::new,
            Collectors.mapping(JooqMeetings::toAttendee, Collectors.toList())));
    return rows.stream().map(r -> toMeeting(r, attendees.getOrDefault(r.getId(), List.of()))).toList();
  }

  private static MeetingAttendee toAttendee(CrmMeetingAttendeesRecord r) {
    return new MeetingAttendee(new EmailAddress(r.getEmail()), r.getName(), Rsvp.of(r.getStatus()).orElse(Rsvp.PENDING),
        r.getRespondedAt() == null ? null : r.getRespondedAt().toInstant());
  }

  private static Meeting toMeeting(CrmMeetingsRecord r, List<MeetingAttendee> attendees) {
    var details = new MeetingDetails(r.getTitle(), r.getDescription(), r.getStartTime().toInstant(),
        r.getEndTime().toInstant(), zone(r.getTimezone()),
        LocationType.of(r.getLocationType()).orElse(LocationType.VIRTUAL), r.getLocation(), r.getMeetingUrl(),
        attendees, r.getReminderMinutes(), r.getNotes(), r.getOutcome());
    RecordRef entity = r.getEntityType() == null || r.getEntityId() == null ? null
        : new RecordRef(new RecordType(r.getEntityType()), r.getEntityId());
    return new Meeting(new MeetingId(r.getId()), new TenantId(r.getTenantId()), details,
        r.getOrganizerId() == null ? null : new UserId(r.getOrganizerId()), entity, r.getDealId(),
        MeetingStatus.of(r.getStatus()).orElse(MeetingStatus.SCHEDULED), Boolean.TRUE.equals(r.getReminderSent()),
        r.getRemindedAt() == null ? null : r.getRemindedAt().toInstant(), r.getSequence(),
        r.getCreatedBy() == null ? null : new UserId(r.getCreatedBy()), r.getCreatedAt().toInstant(),
        r.getUpdatedAt().toInstant(), r.getVersion());
  }

  private static ZoneId zone(@Nullable String id) {
    return com.orbitcrm.platform.TimeZones.parse(id).orElse(com.orbitcrm.platform.TimeZones.UTC);
  }

  private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }
}
