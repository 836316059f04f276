package com.orbitcrm.timeline.jooq;

import static org.orbitcrm.db.jooq.Tables.CRM_ACTIVITIES;

import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.timeline.port.Activities;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.timeline.ActivityDetails;
import com.orbitcrm.timeline.ActivityPage;
import com.orbitcrm.timeline.ActivityType;
import com.orbitcrm.timeline.Attendee;
import com.orbitcrm.timeline.CallOutcome;
import com.orbitcrm.timeline.Task;
import com.orbitcrm.timeline.TaskPage;
import com.orbitcrm.timeline.TaskPriority;
import com.orbitcrm.timeline.TaskQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.orbitcrm.db.jooq.tables.records.CrmActivitiesRecord;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Timeline entries in PostgreSQL, read newest first on the feed indexes. */
@Repository
class JooqActivities implements Activities {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String TASK = ActivityType.TASK.key();

  private final DSLContext dsl;

  JooqActivities(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public void insert(Activity a) {
    ActivityDetails d = a.details();
    CrmActivitiesRecord r = dsl.newRecord(CRM_ACTIVITIES);
    r.setTenantId(a.tenant().value());
    r.setId(a.id());
    r.setEntityType(a.entity().type().key());
    r.setEntityId(a.entity().id());
    r.setActivityType(d.type().key());
    r.setSubject(d.subject());
    r.setDescription(d.description());
    r.setEmailFrom(d.emailFrom());
    r.setEmailTo(d.emailTo().isEmpty() ? null : String.join(", ", d.emailTo()));
    r.setCallDuration(d.callDuration());
    r.setCallOutcome(d.callOutcome() == null ? null : d.callOutcome().key());
    r.setCallRecordingUrl(d.callRecordingUrl());
    r.setMeetingStartTime(at(d.meetingStart()));
    r.setMeetingEndTime(at(d.meetingEnd()));
    r.setMeetingLocation(d.meetingLocation());
    r.setMeetingAttendees(d.meetingAttendees().isEmpty() ? null : attendees(d.meetingAttendees()));
    r.setMetadata(JSONB.valueOf(JSON.writeValueAsString(a.metadata())));
    r.setCreatedBy(a.createdBy() == null ? null : a.createdBy().value());
    r.setCreatedAt(at(a.createdAt()));
    r.setUpdatedAt(at(a.createdAt()));
    if (a.task() != null) {
      Task t = a.task();
      r.setDueAt(at(t.dueAt()));
      r.setAssigneeId(t.assignee() == null ? null : t.assignee().value());
      r.setPriority(t.priority().key());
      r.setCompletedAt(at(t.completedAt()));
      r.setCompletedBy(t.completedBy() == null ? null : t.completedBy().value());
    }
    // A system entry derives its id from its event: a redelivered event writes nothing twice.
    dsl.insertInto(CRM_ACTIVITIES).set(r).onConflictDoNothing().execute();
  }

  @Override
  public Optional<Activity> find(TenantId tenant, UUID id) {
    return dsl.selectFrom(CRM_ACTIVITIES)
        .where(CRM_ACTIVITIES.TENANT_ID.eq(tenant.value()), CRM_ACTIVITIES.ID.eq(id))
        .fetchOptional(JooqActivities::toActivity);
  }

  @Override
  public ActivityPage page(TenantId tenant, RecordRef entity, @Nullable ActivityType type,
                           @Nullable CreatedCursor after, int limit) {
    Condition where = CRM_ACTIVITIES.TENANT_ID.eq(tenant.value())
        .and(CRM_ACTIVITIES.ENTITY_TYPE.eq(entity.type().key()))
        .and(CRM_ACTIVITIES.ENTITY_ID.eq(entity.id()))
        .and(type == null ? DSL.noCondition() : CRM_ACTIVITIES.ACTIVITY_TYPE.eq(type.key()));
    if (after != null) {
      where = where.and(DSL.row(CRM_ACTIVITIES.CREATED_AT, CRM_ACTIVITIES.ID)
          .lt(DSL.val(after.createdAt().atOffset(ZoneOffset.UTC)), DSL.val(after.id())));
    }
    List<Activity> rows = dsl.selectFrom(CRM_ACTIVITIES)
        .where(where)
        .orderBy(CRM_ACTIVITIES.CREATED_AT.desc(), CRM_ACTIVITIES.ID.desc())
        .limit(limit + 1)
        .fetch(JooqActivities::toActivity);
    if (rows.size() <= limit) {
      return new ActivityPage(rows, null);
    }
    List<Activity> page = rows.subList(0, limit);
    Activity last = page.getLast();
    return new ActivityPage(page, new CreatedCursor(last.createdAt(), last.id()));
  }

  @Override
  public boolean markOpened(TenantId tenant, UUID id, Instant at) {
    return dsl.update(CRM_ACTIVITIES)
        .set(CRM_ACTIVITIES.EMAIL_OPENED, true)
        .set(CRM_ACTIVITIES.EMAIL_OPENED_AT, DSL.coalesce(CRM_ACTIVITIES.EMAIL_OPENED_AT, DSL.val(at(at))))
        .where(CRM_ACTIVITIES.TENANT_ID.eq(tenant.value()), CRM_ACTIVITIES.ID.eq(id),
            CRM_ACTIVITIES.ACTIVITY_TYPE.eq(ActivityType.EMAIL.key()))
        .execute() == 1;
  }

  @Override
  public boolean markClicked(TenantId tenant, UUID id, Instant at) {
    return dsl.update(CRM_ACTIVITIES)
        .set(CRM_ACTIVITIES.EMAIL_OPENED, true)
        .set(CRM_ACTIVITIES.EMAIL_OPENED_AT, DSL.coalesce(CRM_ACTIVITIES.EMAIL_OPENED_AT, DSL.val(at(at))))
        .set(CRM_ACTIVITIES.EMAIL_CLICKED, true)
        .set(CRM_ACTIVITIES.EMAIL_CLICKED_AT, DSL.coalesce(CRM_ACTIVITIES.EMAIL_CLICKED_AT, DSL.val(at(at))))
        .where(CRM_ACTIVITIES.TENANT_ID.eq(tenant.value()), CRM_ACTIVITIES.ID.eq(id),
            CRM_ACTIVITIES.ACTIVITY_TYPE.eq(ActivityType.EMAIL.key()))
        .execute() == 1;
  }

  /** Attendees as the original spec stores them: [{"name": …, "email": …}]. "Ada <ada@x.org>" gives both. */
  private static JSONB attendees(List<String> people) {
    ArrayNode array = JSON.createArrayNode();
    for (String person : people) {
      Attendee a = Attendee.parse(person);
      ObjectNode o = array.addObject();
      if (a.name() != null) {
        o.put("name", a.name());
      }
      if (a.email() != null) {
        o.put("email", a.email());
      }
    }
    return JSONB.valueOf(JSON.writeValueAsString(array));
  }

  private static List<String> attendees(JSONB json) {
    var people = new ArrayList<String>();
    for (JsonNode n : JSON.readTree(json.data())) {
      if (n.isString()) {
        people.add(n.asString());
      } else if (n.isObject()) {
        String name = n.path("name").asString("");
        String email = n.path("email").asString("");
        people.add(new Attendee(name.isEmpty() ? null : name, email.isEmpty() ? null : email).display());
      }
    }
    return people;
  }

  /** Metadata values as text, whatever JSON type they were written as. */
  private static Map<String, String> metadata(JSONB json) {
    var map = new LinkedHashMap<String, String>();
    JsonNode tree = JSON.readTree(json.data());
    for (var entry : tree.properties()) {
      JsonNode v = entry.getValue();
      map.put(entry.getKey(), v.isValueNode() ? v.asString() : v.toString());
    }
    return map;
  }

  private static @Nullable OffsetDateTime at(@Nullable Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static Activity toActivity(CrmActivitiesRecord r) {
    var details = new ActivityDetails(ActivityType.of(r.getActivityType()).orElseThrow(), r.getSubject(),
        r.getDescription(), r.getEmailFrom(),
        r.getEmailTo() == null ? List.of() : Arrays.stream(r.getEmailTo().split(",\\s*")).toList(),
        r.getCallDuration(), r.getCallOutcome() == null ? null : CallOutcome.of(r.getCallOutcome()).orElse(null),
        r.getCallRecordingUrl(), instant(r.getMeetingStartTime()), instant(r.getMeetingEndTime()),
        r.getMeetingLocation(),
        r.getMeetingAttendees() == null ? List.of() : attendees(r.getMeetingAttendees()));
    Map<String, String> metadata = r.getMetadata() == null ? Map.of() : metadata(r.getMetadata());
    return new Activity(r.getId(), new TenantId(r.getTenantId()),
        new RecordRef(new RecordType(r.getEntityType()), r.getEntityId()), details, metadata,
        new Activity.EmailTracking(Boolean.TRUE.equals(r.getEmailOpened()), instant(r.getEmailOpenedAt()),
            Boolean.TRUE.equals(r.getEmailClicked()), instant(r.getEmailClickedAt())),
        r.getCreatedBy() == null ? null : new UserId(r.getCreatedBy()), r.getCreatedAt().toInstant(),
        details.type() != ActivityType.TASK ? null : new Task(instant(r.getDueAt()),
            r.getAssigneeId() == null ? null : new UserId(r.getAssigneeId()),
            TaskPriority.of(r.getPriority() == null ? "normal" : r.getPriority()).orElse(TaskPriority.NORMAL),
            instant(r.getCompletedAt()), r.getCompletedBy() == null ? null : new UserId(r.getCompletedBy())));
  }

  // ---- Tasks ----------------------------------------------------------------------------------------

  /** The rows the partial task indexes (V22) hold: the same predicate, so the planner can use them. */
  private static Condition openTasks(TenantId tenant) {
    return CRM_ACTIVITIES.TENANT_ID.eq(tenant.value()).and(CRM_ACTIVITIES.ACTIVITY_TYPE.eq(TASK))
        .and(CRM_ACTIVITIES.COMPLETED_AT.isNull());
  }

  private static Condition doneTasks(TenantId tenant) {
    return CRM_ACTIVITIES.TENANT_ID.eq(tenant.value()).and(CRM_ACTIVITIES.ACTIVITY_TYPE.eq(TASK))
        .and(CRM_ACTIVITIES.COMPLETED_AT.isNotNull());
  }

  @Override
  public boolean updateTask(TenantId tenant, UUID id, Task task) {
    return dsl.update(CRM_ACTIVITIES)
        .set(CRM_ACTIVITIES.COMPLETED_AT, at(task.completedAt()))
        .set(CRM_ACTIVITIES.COMPLETED_BY, task.completedBy() == null ? null : task.completedBy().value())
        .where(CRM_ACTIVITIES.TENANT_ID.eq(tenant.value()), CRM_ACTIVITIES.ID.eq(id),
            CRM_ACTIVITIES.ACTIVITY_TYPE.eq(TASK))
        .execute() == 1;
  }

  @Override
  public TaskPage tasks(TenantId tenant, TaskQuery q) {
    Condition where = q.done() ? doneTasks(tenant) : openTasks(tenant);
    if (q.assignee() != null) {
      where = where.and(CRM_ACTIVITIES.ASSIGNEE_ID.eq(q.assignee().value()));
    }
    Field<OffsetDateTime> key = q.done() ? CRM_ACTIVITIES.COMPLETED_AT : CRM_ACTIVITIES.DUE_KEY;
    if (!q.done() && q.due() != null) {
      // TaskDue's buckets on the stored due key (no due time = the year 9999 = upcoming).
      Instant from = q.due().from(q.window());
      Instant to = q.due().to(q.window());
      if (from != null) {
        where = where.and(key.ge(at(from)));
      }
      if (to != null) {
        where = where.and(key.lt(at(to)));
      }
    }
    if (q.after() != null) {
      var cursor = DSL.row(key, CRM_ACTIVITIES.ID);
      var at = DSL.val(at(q.after().createdAt()));
      where = where.and(q.done() ? cursor.lt(at, DSL.val(q.after().id())) : cursor.gt(at, DSL.val(q.after().id())));
    }
    List<CrmActivitiesRecord> rows = dsl.selectFrom(CRM_ACTIVITIES)
        .where(where)
        .orderBy(q.done() ? List.of(key.desc(), CRM_ACTIVITIES.ID.desc()) : List.of(key.asc(), CRM_ACTIVITIES.ID.asc()))
        .limit(q.limit() + 1)
        .fetch();
    CreatedCursor next = null;
    if (rows.size() > q.limit()) {
      rows = rows.subList(0, q.limit());
      CrmActivitiesRecord last = rows.getLast();
      next = new CreatedCursor((q.done() ? last.getCompletedAt() : last.getDueKey()).toInstant(), last.getId());
    }
    return new TaskPage(rows.stream().map(JooqActivities::toActivity).toList(), next);
  }

  @Override
  public int countOpenDueBefore(TenantId tenant, UserId assignee, Instant before) {
    return dsl.fetchCount(CRM_ACTIVITIES, openTasks(tenant).and(CRM_ACTIVITIES.ASSIGNEE_ID.eq(assignee.value()))
        .and(CRM_ACTIVITIES.DUE_KEY.lt(at(before))));
  }

  @Override
  public List<Activity> tasksOf(TenantId tenant, RecordRef entity, int doneLimit) {
    Condition of = CRM_ACTIVITIES.ENTITY_TYPE.eq(entity.type().key()).and(CRM_ACTIVITIES.ENTITY_ID.eq(entity.id()));
    var open = dsl.selectFrom(CRM_ACTIVITIES).where(openTasks(tenant).and(of))
        .orderBy(CRM_ACTIVITIES.DUE_KEY, CRM_ACTIVITIES.ID).limit(500).fetch(JooqActivities::toActivity);
    var done = dsl.selectFrom(CRM_ACTIVITIES).where(doneTasks(tenant).and(of))
        .orderBy(CRM_ACTIVITIES.COMPLETED_AT.desc(), CRM_ACTIVITIES.ID.desc()).limit(doneLimit)
        .fetch(JooqActivities::toActivity);
    var all = new ArrayList<Activity>(open);
    all.addAll(done);
    return all;
  }

  @Override
  public int deleteAllOf(TenantId tenant, RecordRef entity) {
    return dsl.deleteFrom(CRM_ACTIVITIES)
        .where(CRM_ACTIVITIES.TENANT_ID.eq(tenant.value()), CRM_ACTIVITIES.ENTITY_TYPE.eq(entity.type().key()),
            CRM_ACTIVITIES.ENTITY_ID.eq(entity.id()))
        .execute();
  }
}
