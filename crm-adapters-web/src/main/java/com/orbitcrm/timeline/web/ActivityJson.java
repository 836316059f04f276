package com.orbitcrm.timeline.web;

import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityDetails;
import com.orbitcrm.timeline.Attendee;
import com.orbitcrm.timeline.Task;
import com.orbitcrm.timeline.app.EmailTrackingService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An activity as the API shows it: the camelCase fields of the original spec; meeting attendees as
 * {@code {name, email}} objects; for a tracked e-mail, its pixel and tracked-link URLs; for a task, its due time,
 * assignee, priority and when and by whom it was done ({@literal null} on other types).
 */
record ActivityJson(String id, String entityType, String entityId, String activityType, @Nullable String subject,
                    @Nullable String description, @Nullable String emailFrom, @Nullable String emailTo,
                    boolean emailOpened, @Nullable Instant emailOpenedAt, boolean emailClicked,
                    @Nullable Instant emailClickedAt, @Nullable Integer callDuration, @Nullable String callOutcome,
                    @Nullable String callRecordingUrl, @Nullable Instant meetingStartTime,
                    @Nullable Instant meetingEndTime, @Nullable String meetingLocation,
                    List<Map<String, String>> meetingAttendees, Map<String, String> metadata,
                    @Nullable String createdBy, Instant createdAt, @Nullable Tracking tracking,
                    @Nullable Instant dueAt, @Nullable String assigneeId, @Nullable String priority,
                    @Nullable Instant completedAt, @Nullable String completedBy) {

  /** Where a tracked e-mail's pixel and links point: put them in the e-mail you send. */
  record Tracking(@Nullable String pixelUrl, List<TrackedLink> links) {}

  record TrackedLink(String url, String trackedUrl) {}

  static ActivityJson of(Activity a, EmailTrackingService tracking, String baseUrl) {
    ActivityDetails d = a.details();
    Task task = a.task();
    var tokens = tracking.tokens(a);
    Tracking t = null;
    if (tokens.pixel().isPresent() || !tokens.links().isEmpty()) {
      t = new Tracking(tokens.pixel().map(token -> baseUrl + "/t/" + token + "/open.gif").orElse(null),
          tokens.links().stream().map(l -> new TrackedLink(l.url(), baseUrl + "/t/" + l.token() + "/go")).toList());
    }
    return new ActivityJson(a.id().toString(), a.entity().type().key(), a.entity().id().toString(), d.type().key(),
        d.subject(), d.description(), d.emailFrom(), d.emailTo().isEmpty() ? null : String.join(", ", d.emailTo()),
        a.tracking().opened(), a.tracking().openedAt(), a.tracking().clicked(), a.tracking().clickedAt(),
        d.callDuration(), d.callOutcome() == null ? null : d.callOutcome().key(), d.callRecordingUrl(),
        d.meetingStart(), d.meetingEnd(), d.meetingLocation(), attendees(d.meetingAttendees()), a.metadata(),
        a.createdBy() == null ? null : a.createdBy().toString(), a.createdAt(), t,
        task == null ? null : task.dueAt(), task == null || task.assignee() == null ? null : task.assignee().toString(),
        task == null ? null : task.priority().key(), task == null ? null : task.completedAt(),
        task == null || task.completedBy() == null ? null : task.completedBy().toString());
  }

  private static List<Map<String, String>> attendees(List<String> people) {
    var out = new ArrayList<Map<String, String>>();
    for (String p : people) {
      Attendee a = Attendee.parse(p);
      var o = new LinkedHashMap<String, String>();
      if (a.name() != null) {
        o.put("name", a.name());
      }
      if (a.email() != null) {
        o.put("email", a.email());
      }
      out.add(o);
    }
    return out;
  }
}
