package com.orbitcrm.meetings.web;

import static com.orbitcrm.platform.web.Requests.blank;
import static com.orbitcrm.platform.web.Requests.expectedVersion;
import static com.orbitcrm.platform.web.Requests.rawText;
import static com.orbitcrm.platform.web.Requests.requireObject;
import static com.orbitcrm.platform.web.Requests.text;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingCursor;
import com.orbitcrm.meetings.MeetingDraft;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.MeetingQuery;
import com.orbitcrm.meetings.MeetingStatus;
import com.orbitcrm.meetings.app.MeetingCalendar;
import com.orbitcrm.meetings.app.MeetingLinks;
import com.orbitcrm.meetings.app.MeetingService;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.Fields;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NamedAddress;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.Records;
import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * {@code /api/crm/meetings}: the original spec's paths and fields, scoped to the caller's workspace. The list
 * filters by time range ({@code from}/{@code to}: meetings overlapping it), record, deal, organizer, status
 * and {@code mine}, in start order, a page at a time (the {@code Link} header names the next). A {@code PUT}
 * changes only the fields it sends; moving a meeting marks it rescheduled. Attendees answer with
 * {@code POST …/{id}/rsvp}; {@code …/{id}/ics} is the meeting as a calendar file.
 */
@RestController
class MeetingApiController {

  static final int DEFAULT_LIMIT = 100;

  private final MeetingService meetings;
  private final MeetingCalendar calendar;
  private final Records records;
  private final MemberService members;

  MeetingApiController(MeetingService meetings, MeetingCalendar calendar, Records records, MemberService members) {
    this.meetings = meetings;
    this.calendar = calendar;
    this.records = records;
    this.members = members;
  }

  @GetMapping("/api/crm/meetings")
  ResponseEntity<List<MeetingJson>> list(@RequestParam(required = false) @Nullable String from,
                                         @RequestParam(required = false) @Nullable String to,
                                         @RequestParam(required = false) @Nullable String entityType,
                                         @RequestParam(required = false) @Nullable String entityId,
                                         @RequestParam(required = false) @Nullable String dealId,
                                         @RequestParam(required = false) @Nullable String organizerId,
                                         @RequestParam(required = false) @Nullable String status,
                                         @RequestParam(required = false) @Nullable String mine,
                                         @RequestParam(required = false) @Nullable String limit,
                                         @RequestParam(required = false) @Nullable String cursor) {
    var violations = new ArrayList<FieldViolation>();
    Instant fromAt = time(violations, "from", from);
    Instant toAt = time(violations, "to", to);
    RecordRef entity = null;
    if (blank(entityType) != null || blank(entityId) != null) {
      try {
        entity = records.parse(entityType, entityId);
      } catch (InvalidInputException e) {
        violations.addAll(e.violations());
      }
    }
    UUID deal = Fields.uuid(violations, "dealId", dealId, "is not an id");
    UUID organizer = Fields.uuid(violations, "organizerId", organizerId, "is not an id");
    MeetingStatus state = null;
    if (blank(status) != null) {
      state = MeetingStatus.of(status.strip().toLowerCase(Locale.ROOT)).orElse(null);
      if (state == null) {
        violations.add(new FieldViolation("status", "must be one of scheduled, completed, cancelled, rescheduled"));
      }
    }
    int size = DEFAULT_LIMIT;
    if (blank(limit) != null) {
      try {
        size = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        violations.add(new FieldViolation("limit", "must be a whole number"));
      }
    }
    MeetingCursor after = null;
    if (blank(cursor) != null) {
      after = MeetingCursor.decode(cursor.strip()).orElse(null);
      if (after == null) {
        violations.add(new FieldViolation("cursor", "is not a cursor of this list (take it from the Link header)"));
      }
    }
    boolean onlyMine = "true".equalsIgnoreCase(blank(mine));
    if (blank(mine) != null && !onlyMine && !"false".equalsIgnoreCase(mine.strip())) {
      violations.add(new FieldViolation("mine", "must be true or false"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    MeetingQuery.Participant me = null;
    if (onlyMine) {
      var member = members.member(TenantContext.require().requireUser());
      me = new MeetingQuery.Participant(member.user(), member.email());
    }
    var query = new MeetingQuery(fromAt, toAt, entity, deal, organizer == null ? null : new UserId(organizer), state, me,
        after, size);
    var page = meetings.list(query);
    var response = ResponseEntity.ok();
    if (page.next() != null) {
      response.header(HttpHeaders.LINK, Requests.nextLink(page.next().encode(), size));
    }
    return response.body(page.items().stream().map(MeetingJson::of).toList());
  }

  @GetMapping("/api/crm/meetings/{id}")
  ResponseEntity<MeetingJson> get(@PathVariable String id) {
    return ok(meetings.get(id(id)));
  }

  @PostMapping("/api/crm/meetings")
  ResponseEntity<MeetingJson> schedule(@RequestBody JsonNode body) {
    requireObject(body);
    refuseStatusOnCreate(body);
    Meeting m = meetings.schedule(apply(MeetingDraft.blank(), body), links(body, MeetingLinks.NONE));
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(m.id().toString());
    return ResponseEntity.created(location).eTag(etag(m)).body(MeetingJson.of(m));
  }

  /**
   * Changes what the body sends. {@code status} may be {@code completed} (with {@code notes} and
   * {@code outcome}) or {@code cancelled}; {@code rescheduled} follows from new times by itself.
   */
  @PutMapping("/api/crm/meetings/{id}")
  ResponseEntity<MeetingJson> update(@PathVariable String id, @RequestBody JsonNode body,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    requireObject(body);
    MeetingId meetingId = id(id);
    Integer expected = expectedVersion(ifMatch, body, "meeting");
    Meeting current = meetings.get(meetingId);
    String status = text(body, "status");
    MeetingStatus target = status == null ? null : MeetingStatus.of(status.toLowerCase(Locale.ROOT)).orElseThrow(() ->
        InvalidInputException.of("status", "must be one of scheduled, completed, cancelled, rescheduled"));
    var currentLinks = new MeetingLinks(null,
        current.entity() == null ? null : current.entity().type().key(),
        current.entity() == null ? null : current.entity().id().toString(),
        current.dealId() == null ? null : current.dealId().toString());
    Meeting m = meetings.update(meetingId, apply(MeetingDraft.of(current.details()), body), links(body, currentLinks),
        expected);
    if (target == MeetingStatus.COMPLETED && m.status() != MeetingStatus.COMPLETED) {
      m = meetings.complete(meetingId, m.details().notes(), m.details().outcome());
    } else if (target == MeetingStatus.CANCELLED && m.status() != MeetingStatus.CANCELLED) {
      m = meetings.cancel(meetingId);
    } else if (target != null && target != m.status()) {
      throw InvalidInputException.of("status", target.key().equals("rescheduled")
          ? "follows from new times: send startTime and endTime" : "a " + m.status().key() + " meeting cannot become "
          + target.key());
    }
    return ok(m);
  }

  @DeleteMapping("/api/crm/meetings/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id) {
    meetings.delete(id(id));
  }

  /** An attendee's answer: {@code {email, status: accepted|declined}}. */
  @PostMapping("/api/crm/meetings/{id}/rsvp")
  ResponseEntity<MeetingJson> rsvp(@PathVariable String id, @RequestBody JsonNode body) {
    requireObject(body);
    return ok(meetings.answer(id(id), text(body, "email"), text(body, "status")));
  }

  @PostMapping("/api/crm/meetings/{id}/complete")
  ResponseEntity<MeetingJson> complete(@PathVariable String id, @RequestBody(required = false) @Nullable JsonNode body) {
    if (body != null) {
      requireObject(body);
    }
    return ok(meetings.complete(id(id), body == null ? null : rawText(body, "notes"),
        body == null ? null : text(body, "outcome")));
  }

  @PostMapping("/api/crm/meetings/{id}/cancel")
  ResponseEntity<MeetingJson> cancel(@PathVariable String id) {
    return ok(meetings.cancel(id(id)));
  }

  /** The meeting as an iCalendar file, to add to any calendar. */
  @GetMapping("/api/crm/meetings/{id}/ics")
  ResponseEntity<byte[]> ics(@PathVariable String id) {
    MeetingId meetingId = id(id);
    byte[] file = calendar.ics(meetingId).getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("meeting-" + meetingId + ".ics").build().toString())
        .body(file);
  }

  // ---- Reading a body -------------------------------------------------------------------------------

  private static MeetingDraft apply(MeetingDraft draft, JsonNode body) {
    MeetingDraft d = draft;
    if (body.has("title")) {
      d = d.withTitle(rawText(body, "title"));
    }
    if (body.has("description")) {
      d = d.withDescription(rawText(body, "description"));
    }
    if (body.has("startTime") || body.has("endTime")) {
      d = d.withTimes(body.has("startTime") ? rawText(body, "startTime") : d.startTime(),
          body.has("endTime") ? rawText(body, "endTime") : d.endTime());
    }
    if (body.has("timezone")) {
      d = d.withTimezone(rawText(body, "timezone"));
    }
    if (body.has("locationType") || body.has("location") || body.has("meetingUrl")) {
      d = d.withPlace(body.has("locationType") ? rawText(body, "locationType") : d.locationType(),
          body.has("location") ? rawText(body, "location") : d.location(),
          body.has("meetingUrl") ? rawText(body, "meetingUrl") : d.meetingUrl());
    }
    if (body.has("attendees")) {
      d = d.withAttendees(attendees(body));
    }
    if (body.has("reminderMinutes")) {
      JsonNode v = body.get("reminderMinutes");
      if (v != null && !v.isNull() && !v.isIntegralNumber()) {
        throw InvalidInputException.of("reminderMinutes", "must be a whole number of minutes (or null for none)");
      }
      d = d.withReminderMinutes(v == null || v.isNull() ? null : v.asString());
    }
    if (body.has("notes") || body.has("outcome")) {
      d = d.withWrapUp(body.has("notes") ? rawText(body, "notes") : d.notes(),
          body.has("outcome") ? rawText(body, "outcome") : d.outcome());
    }
    return d;
  }

  private static MeetingLinks links(JsonNode body, MeetingLinks current) {
    String entityType = body.has("entityType") ? text(body, "entityType") : current.entityType();
    String entityId = body.has("entityId") ? text(body, "entityId") : current.entityId();
    String dealId = body.has("dealId") ? text(body, "dealId") : current.dealId();
    return new MeetingLinks(text(body, "organizerId"), entityType, entityId, dealId);
  }

  /** {@code {email, name, status}} objects as the spec stores them, or "Ada &lt;ada@x.org&gt;" strings. */
  private static List<MeetingDraft.AttendeeDraft> attendees(JsonNode body) {
    JsonNode v = body.get("attendees");
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw InvalidInputException.of("attendees", "must be an array of {email, name, status}");
    }
    var out = new ArrayList<MeetingDraft.AttendeeDraft>();
    int i = 0;
    for (JsonNode item : v) {
      String field = "attendees[" + i++ + "]";
      if (item.isString()) {
        var typed = NamedAddress.parse(item.asString());
        out.add(new MeetingDraft.AttendeeDraft(typed.email(), typed.name(), null));
      } else if (item.isObject()) {
        out.add(new MeetingDraft.AttendeeDraft(member(item, field, "email"), member(item, field, "name"),
            member(item, field, "status")));
      } else {
        throw InvalidInputException.of(field, "must be an object {email, name, status} or an address");
      }
    }
    return out;
  }

  private static @Nullable String member(JsonNode item, String field, String name) {
    JsonNode v = item.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw InvalidInputException.of(field + "." + name, "must be a string");
    }
    return v.asString();
  }

  private static void refuseStatusOnCreate(JsonNode body) {
    String status = text(body, "status");
    if (status != null && !status.equalsIgnoreCase("scheduled")) {
      throw InvalidInputException.of("status", "a new meeting is scheduled; complete or cancel it afterwards");
    }
  }

  private static @Nullable Instant time(List<FieldViolation> violations, String field, @Nullable String raw) {
    String v = blank(raw);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "must be a date and time with its offset, as 2026-03-31T09:00:00Z"));
      return null;
    }
  }

  static MeetingId id(String raw) {
    return new MeetingId(Requests.id(raw, "Meeting"));
  }

  private static String etag(Meeting m) {
    return "\"" + m.version() + "\"";
  }

  private static ResponseEntity<MeetingJson> ok(Meeting m) {
    return ResponseEntity.ok().eTag(etag(m)).body(MeetingJson.of(m));
  }
}
