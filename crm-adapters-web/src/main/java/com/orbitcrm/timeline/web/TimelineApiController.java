package com.orbitcrm.timeline.web;

import com.orbitcrm.platform.RecordRef;

import static com.orbitcrm.platform.web.Requests.expectedVersion;
import static com.orbitcrm.platform.web.Requests.rawText;
import static com.orbitcrm.platform.web.Requests.requireObject;
import static com.orbitcrm.platform.web.Requests.text;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.web.PublicUrl;
import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.timeline.ActivityDraft;
import com.orbitcrm.timeline.Attendee;
import com.orbitcrm.timeline.Note;
import com.orbitcrm.timeline.app.EmailTrackingService;
import com.orbitcrm.timeline.app.NoteService;
import com.orbitcrm.timeline.app.TimelineService;
import com.orbitcrm.timeline.app.TaskService;
import com.orbitcrm.timeline.TaskDraft;
import com.orbitcrm.timeline.TaskDue;
import com.orbitcrm.timeline.TaskQuery;
import com.orbitcrm.tenancy.UserId;
import java.util.Locale;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/crm/activities} and {@code /api/crm/notes}: the paths and fields of the original spec,
 * scoped to the caller's workspace (the spec's own versions were not). A {@code status_change} cannot be
 * logged here: the system writes those when a deal moves.
 */
@RestController
class TimelineApiController {

  private final TimelineService timeline;
  private final TaskService tasks;
  private final NoteService notes;
  private final EmailTrackingService tracking;
  private final PublicUrl publicUrl;

  TimelineApiController(TimelineService timeline, TaskService tasks, NoteService notes, EmailTrackingService tracking,
                        PublicUrl publicUrl) {
    this.timeline = timeline;
    this.tasks = tasks;
    this.notes = notes;
    this.tracking = tracking;
    this.publicUrl = publicUrl;
  }

  // ---- Activities -------------------------------------------------------------------------------

  @GetMapping("/api/crm/activities/{entityType}/{entityId}")
  ResponseEntity<List<ActivityJson>> activities(@PathVariable String entityType, @PathVariable String entityId,
                                                @RequestParam(required = false) @Nullable String type,
                                                @RequestParam(required = false) @Nullable String limit,
                                                @RequestParam(required = false) @Nullable String cursor) {
    RecordRef entity = timeline.entityInPath(entityType, entityId);
    int size = TimelineService.DEFAULT_LIMIT;
    if (limit != null && !limit.isBlank()) {
      try {
        size = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        throw InvalidInputException.of("limit", "must be a whole number");
      }
    }
    CreatedCursor after = null;
    if (cursor != null && !cursor.isBlank()) {
      after = CreatedCursor.decode(cursor.strip()).orElseThrow(() ->
          InvalidInputException.of("cursor", "is not a cursor of this list (take it from the Link header)"));
    }
    var page = timeline.page(entity, type, after, size);
    var response = ResponseEntity.ok();
    if (page.next() != null) {
      response.header(HttpHeaders.LINK, Requests.nextLink(page.next().encode(), size));
    }
    String base = baseUrl();
    return response.body(page.items().stream().map(a -> ActivityJson.of(a, tracking, base)).toList());
  }

  @PostMapping("/api/crm/activities")
  ResponseEntity<ActivityJson> log(@RequestBody JsonNode body) {
    requireObject(body);
    RecordRef entity = timeline.entity(text(body, "entityType"), text(body, "entityId"));
    var draft = new ActivityDraft(text(body, "activityType"), text(body, "subject"), text(body, "description"),
        text(body, "emailFrom"), addresses(body, "emailTo"), number(body, "callDuration"), text(body, "callOutcome"),
        text(body, "callRecordingUrl"), text(body, "meetingStartTime"), text(body, "meetingEndTime"),
        text(body, "meetingLocation"), attendees(body));
    boolean trackOpens = bool(body, "trackOpens");
    List<String> links = strings(body, "trackedLinks");
    var task = new TaskDraft(text(body, "dueAt"), text(body, "assigneeId"), text(body, "priority"));
    Activity activity = timeline.log(entity, draft, task, trackOpens, links, null);
    return ResponseEntity.status(HttpStatus.CREATED).body(ActivityJson.of(activity, tracking, baseUrl()));
  }

  // ---- Tasks --------------------------------------------------------------------------------------

  /**
   * The workspace's tasks: open ones by due time (all, or one {@code due} bucket in the caller's zone), or
   * {@code due=done}, most recently done first; {@code assigneeId} narrows to one member. Paged like the other
   * lists ({@code limit}, {@code cursor}, next page in {@code Link}).
   */
  @GetMapping("/api/crm/tasks")
  ResponseEntity<List<ActivityJson>> tasks(@RequestParam(required = false) @Nullable String assigneeId,
                                           @RequestParam(required = false) @Nullable String due,
                                           @RequestParam(required = false) @Nullable String limit,
                                           @RequestParam(required = false) @Nullable String cursor) {
    UserId assignee = null;
    if (assigneeId != null && !assigneeId.isBlank()) {
      try {
        assignee = new UserId(UUID.fromString(assigneeId.strip()));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("assigneeId", "must be the id of a member");
      }
    }
    boolean done = false;
    TaskDue bucket = null;
    if (due != null && !due.isBlank()) {
      String key = due.strip().toLowerCase(Locale.ROOT);
      if (key.equals("done")) {
        done = true;
      } else {
        bucket = TaskDue.of(key).orElseThrow(() ->
            InvalidInputException.of("due", "must be one of overdue, today, upcoming, done"));
      }
    }
    int size = TaskQuery.DEFAULT_LIMIT;
    if (limit != null && !limit.isBlank()) {
      try {
        size = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        throw InvalidInputException.of("limit", "must be a whole number");
      }
    }
    CreatedCursor after = null;
    if (cursor != null && !cursor.isBlank()) {
      after = CreatedCursor.decode(cursor.strip()).orElseThrow(() ->
          InvalidInputException.of("cursor", "is not a cursor of this list (take it from the Link header)"));
    }
    var page = tasks.list(assignee, bucket, done, after, size);
    var response = ResponseEntity.ok();
    if (page.next() != null) {
      response.header(HttpHeaders.LINK, Requests.nextLink(page.next().encode(), size));
    }
    String base = baseUrl();
    return response.body(page.items().stream().map(a -> ActivityJson.of(a, tracking, base)).toList());
  }

  /** Marks a task done (a done one stays as it was); its record's timeline records it. */
  @PostMapping("/api/crm/tasks/{id}/complete")
  ActivityJson complete(@PathVariable String id) {
    return ActivityJson.of(tasks.complete(Requests.id(id, "Task")), tracking, baseUrl());
  }

  /** Opens a done task again; its record's timeline records it. */
  @PostMapping("/api/crm/tasks/{id}/reopen")
  ActivityJson reopen(@PathVariable String id) {
    return ActivityJson.of(tasks.reopen(Requests.id(id, "Task")), tracking, baseUrl());
  }

  // ---- Notes --------------------------------------------------------------------------------------

  @GetMapping("/api/crm/notes/{entityType}/{entityId}")
  List<NoteJson> notes(@PathVariable String entityType, @PathVariable String entityId) {
    return notes.of(timeline.entityInPath(entityType, entityId)).stream().map(NoteJson::of).toList();
  }

  @PostMapping("/api/crm/notes")
  ResponseEntity<NoteJson> addNote(@RequestBody JsonNode body) {
    requireObject(body);
    RecordRef entity = timeline.entity(text(body, "entityType"), text(body, "entityId"));
    Note note = notes.create(entity, rawText(body, "content"), pinned(body) == Boolean.TRUE, text(body, "color"));
    URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/crm/notes/{id}")
        .build(note.id().toString());
    return ResponseEntity.created(location).body(NoteJson.of(note));
  }

  @PutMapping("/api/crm/notes/{id}")
  NoteJson updateNote(@PathVariable String id, @RequestBody JsonNode body,
                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    requireObject(body);
    UUID noteId = noteId(id);
    Integer version = expectedVersion(ifMatch, body, "note");
    return NoteJson.of(notes.update(noteId, rawText(body, "content"), pinned(body), text(body, "color"), version));
  }

  @DeleteMapping("/api/crm/notes/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteNote(@PathVariable String id) {
    notes.delete(noteId(id));
  }

  @PostMapping("/api/crm/notes/{id}/restore")
  NoteJson restoreNote(@PathVariable String id) {
    return NoteJson.of(notes.restore(noteId(id)));
  }

  // ---- Helpers ------------------------------------------------------------------------------------

  static UUID noteId(String raw) {
    return Requests.id(raw, "Note");
  }

  private String baseUrl() {
    return publicUrl.base();
  }

  private static @Nullable String number(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber()) {
      throw InvalidInputException.of(field, "must be a whole number");
    }
    return v.asString();
  }

  private static boolean bool(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw InvalidInputException.of(field, "must be true or false");
    }
    return v.asBoolean();
  }

  /** {@code isPinned} as in the spec, or {@code pinned}; {@literal null} when absent. */
  private static @Nullable Boolean pinned(JsonNode body) {
    for (String field : List.of("isPinned", "pinned")) {
      JsonNode v = body.get(field);
      if (v != null && !v.isNull()) {
        if (!v.isBoolean()) {
          throw InvalidInputException.of(field, "must be true or false");
        }
        return v.asBoolean();
      }
    }
    return null;
  }

  /** A string, or an array of strings joined by commas. */
  private static @Nullable String addresses(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v != null && v.isArray()) {
      return String.join(", ", strings(body, field));
    }
    return text(body, field);
  }

  private static List<String> strings(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw InvalidInputException.of(field, "must be an array of strings");
    }
    var out = new ArrayList<String>();
    for (JsonNode item : v) {
      if (!item.isString()) {
        throw InvalidInputException.of(field, "must be an array of strings");
      }
      out.add(item.asString());
    }
    return out;
  }

  /** Strings ("Ada &lt;ada@x.org&gt;") or {@code {name, email}} objects, as the spec stores them. */
  private static List<String> attendees(JsonNode body) {
    JsonNode v = body.get("meetingAttendees");
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw InvalidInputException.of("meetingAttendees", "must be an array");
    }
    var out = new ArrayList<String>();
    var wrong = new ArrayList<FieldViolation>();
    for (JsonNode item : v) {
      if (item.isString()) {
        out.add(item.asString());
      } else if (item.isObject() && (item.path("name").isString() || item.path("email").isString())) {
        String name = item.path("name").isString() ? item.path("name").asString().strip() : "";
        String email = item.path("email").isString() ? item.path("email").asString().strip() : "";
        out.add(new Attendee(name.isEmpty() ? null : name, email.isEmpty() ? null : email).display());
      } else {
        wrong.add(new FieldViolation("meetingAttendees", "must hold names, e-mail addresses or {name, email} objects"));
        break;
      }
    }
    if (!wrong.isEmpty()) {
      throw new InvalidInputException(wrong);
    }
    return out;
  }
}
