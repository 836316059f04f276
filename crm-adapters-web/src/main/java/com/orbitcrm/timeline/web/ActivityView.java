package com.orbitcrm.timeline.web;

import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityDetails;
import com.orbitcrm.timeline.ActivityType;
import com.orbitcrm.timeline.app.EmailTrackingService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A timeline entry as the feed shows it; every text made once. */
record ActivityView(String id, ActivityType type, String title, @Nullable String description, String author,
                    String when, String at, List<String> facts, @Nullable String recordingUrl, boolean opened,
                    boolean clicked, @Nullable String openedAt, @Nullable String clickedAt,
                    @Nullable String pixelUrl, List<TrackedLink> trackedLinks) {

  /** A link of a tracked e-mail, and the URL to put in the e-mail instead. */
  record TrackedLink(String url, String trackedUrl) {}

  public boolean tracked() {
    return pixelUrl != null || !trackedLinks.isEmpty();
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_YEAR =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter FULL =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US).withZone(ZoneOffset.UTC);

  static ActivityView of(Activity a, @Nullable String authorName, Instant now, EmailTrackingService tracking,
                         String baseUrl) {
    ActivityDetails d = a.details();
    var facts = new ArrayList<String>();
    switch (d.type()) {
      case EMAIL -> {
        facts.add("To " + String.join(", ", d.emailTo()));
        if (d.emailFrom() != null) {
          facts.add("From " + d.emailFrom());
        }
      }
      case CALL -> {
        if (d.callOutcome() != null) {
          facts.add(d.callOutcome().label());
        }
        if (d.callDuration() != null && d.callDuration() > 0) {
          facts.add(duration(d.callDuration()));
        }
      }
      case MEETING -> {
        if (d.meetingStart() != null) {
          facts.add(FULL.format(d.meetingStart()).replace(" UTC", "")
              + (d.meetingEnd() != null ? "–" + TIME.format(d.meetingEnd()) : "") + " UTC");
        }
        if (d.meetingLocation() != null) {
          facts.add(d.meetingLocation());
        }
        if (!d.meetingAttendees().isEmpty()) {
          facts.add("With " + String.join(", ", d.meetingAttendees()));
        }
      }
      case TASK -> {
        var task = a.task();
        if (task != null) {
          if (task.done()) {
            facts.add("Done " + FULL.format(task.completedAt()));
          } else if (task.dueAt() != null) {
            facts.add("Due " + FULL.format(task.dueAt()));
          }
          if (task.priority() != com.orbitcrm.timeline.TaskPriority.NORMAL) {
            facts.add(task.priority().label() + " priority");
          }
        }
      }
      default -> { }
    }
    String title = d.subject() != null ? d.subject()
        : d.type() == ActivityType.CALL ? "Call" : d.type().label();
    var tokens = tracking.tokens(a);
    String author = authorName != null ? authorName : a.createdBy() == null ? "System" : "A former member";
    return new ActivityView(a.id().toString(), d.type(), title, d.description(), author, relative(a.createdAt(), now),
        FULL.format(a.createdAt()), facts, d.callRecordingUrl(), a.tracking().opened(), a.tracking().clicked(),
        a.tracking().openedAt() == null ? null : FULL.format(a.tracking().openedAt()),
        a.tracking().clickedAt() == null ? null : FULL.format(a.tracking().clickedAt()),
        tokens.pixel().map(t -> baseUrl + "/t/" + t + "/open.gif").orElse(null),
        tokens.links().stream().map(l -> new TrackedLink(l.url(), baseUrl + "/t/" + l.token() + "/go")).toList());
  }

  static String duration(int seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    int minutes = seconds / 60;
    return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
  }

  /** "just now", "5 min ago", "3 h ago", "yesterday", "12 Nov", "12 Nov 2025". */
  static String relative(Instant at, Instant now) {
    Duration ago = Duration.between(at, now);
    if (ago.isNegative() || ago.toMinutes() < 1) {
      return "just now";
    }
    if (ago.toMinutes() < 60) {
      return ago.toMinutes() + " min ago";
    }
    if (ago.toHours() < 24) {
      return ago.toHours() + " h ago";
    }
    if (ago.toHours() < 48) {
      return "yesterday";
    }
    boolean sameYear = at.atZone(ZoneOffset.UTC).getYear() == now.atZone(ZoneOffset.UTC).getYear();
    return (sameYear ? DAY : DAY_YEAR).format(at);
  }
}
