package com.orbitcrm.timeline;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.Fields;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.EmailAddress;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What an activity says, checked for its type: a call's outcome is one of four and its recording an
 * http(s) URL; an e-mail's addresses are well-formed; a meeting ends after it starts. Fields that belong
 * to another type are refused, not silently dropped.
 */
public record ActivityDetails(ActivityType type, @Nullable String subject, @Nullable String description,
                              @Nullable String emailFrom, List<String> emailTo, @Nullable Integer callDuration,
                              @Nullable CallOutcome callOutcome, @Nullable String callRecordingUrl,
                              @Nullable Instant meetingStart, @Nullable Instant meetingEnd,
                              @Nullable String meetingLocation, List<String> meetingAttendees) {

  public static final int MAX_CALL_SECONDS = 24 * 60 * 60;
  public static final int MAX_ADDRESSES = 50;

  public ActivityDetails {
    emailTo = List.copyOf(emailTo);
    meetingAttendees = List.copyOf(meetingAttendees);
  }

  /** A task done or reopened, as the system records it. */
  public static ActivityDetails taskStatus(String subject) {
    return new ActivityDetails(ActivityType.TASK_STATUS, subject, null, null, List.of(), null, null, null,
        null, null, null, List.of());
  }

  /** A stage change as the system records it. */
  public static ActivityDetails statusChange(String subject, @Nullable String description) {
    return new ActivityDetails(ActivityType.STATUS_CHANGE, subject, description, null, List.of(), null, null, null,
        null, null, null, List.of());
  }

  /**
   * Checks what a person logs.
   *
   * @throws InvalidInputException with every problem, by field.
   */
  public static ActivityDetails from(ActivityDraft d) {
    var violations = new ArrayList<FieldViolation>();
    ActivityType type = null;
    String rawType = blank(d.activityType());
    if (rawType == null) {
      violations.add(new FieldViolation("activityType", "is required"));
    } else {
      type = ActivityType.of(rawType.toLowerCase(Locale.ROOT)).orElse(null);
      if (type == null) {
        violations.add(new FieldViolation("activityType", "must be one of " + ActivityType.loggable().stream()
            .map(ActivityType::key).collect(Collectors.joining(", "))));
      } else if (type == ActivityType.STATUS_CHANGE) {
        violations.add(new FieldViolation("activityType",
            "status_change entries are written by the system when a deal moves"));
      } else if (!type.userMayLog()) {
        violations.add(new FieldViolation("activityType",
            "task_status entries are written by the system when a task is done or reopened"));
      }
    }
    String subject = Fields.text(violations, "subject", d.subject(), 255);
    String description = Fields.text(violations, "description", d.description(), 20_000);

    boolean email = type == ActivityType.EMAIL;
    boolean call = type == ActivityType.CALL;
    boolean meeting = type == ActivityType.MEETING;
    String typeName = type == null ? "this type" : type.key();

    String emailFrom = null;
    List<String> emailTo = List.of();
    if (!email) {
      onlyFor(violations, "emailFrom", d.emailFrom(), "email", typeName);
      onlyFor(violations, "emailTo", d.emailTo(), "email", typeName);
    } else {
      String from = Fields.text(violations, "emailFrom", d.emailFrom(), 255);
      if (from != null) {
        emailFrom = address(violations, "emailFrom", from);
      }
      String to = Fields.text(violations, "emailTo", d.emailTo(), 20_000);
      if (to == null) {
        violations.add(new FieldViolation("emailTo", "is required for an e-mail"));
      } else {
        emailTo = addresses(violations, to);
      }
    }

    Integer duration = null;
    CallOutcome outcome = null;
    String recording = null;
    if (!call) {
      onlyFor(violations, "callDuration", d.callDuration(), "call", typeName);
      onlyFor(violations, "callOutcome", d.callOutcome(), "call", typeName);
      onlyFor(violations, "callRecordingUrl", d.callRecordingUrl(), "call", typeName);
    } else {
      String rawDuration = blank(d.callDuration());
      if (rawDuration != null) {
        try {
          duration = Integer.parseInt(rawDuration);
          if (duration < 0 || duration > MAX_CALL_SECONDS) {
            violations.add(new FieldViolation("callDuration", "must be between 0 and " + MAX_CALL_SECONDS + " seconds"));
          }
        } catch (NumberFormatException e) {
          violations.add(new FieldViolation("callDuration", "must be a whole number of seconds"));
        }
      }
      String rawOutcome = blank(d.callOutcome());
      if (rawOutcome != null) {
        outcome = CallOutcome.of(rawOutcome.toLowerCase(Locale.ROOT)).orElse(null);
        if (outcome == null) {
          violations.add(new FieldViolation("callOutcome", "must be one of " + Arrays.stream(CallOutcome.values())
              .map(CallOutcome::key).collect(Collectors.joining(", "))));
        }
      }
      recording = Fields.text(violations, "callRecordingUrl", d.callRecordingUrl(), 2_000);
      if (recording != null && !Fields.isWebUrl(recording)) {
        violations.add(new FieldViolation("callRecordingUrl", "must be an http(s) URL"));
      }
    }

    Instant start = null;
    Instant end = null;
    String location = null;
    List<String> attendees = List.of();
    if (!meeting) {
      onlyFor(violations, "meetingStartTime", d.meetingStartTime(), "meeting", typeName);
      onlyFor(violations, "meetingEndTime", d.meetingEndTime(), "meeting", typeName);
      onlyFor(violations, "meetingLocation", d.meetingLocation(), "meeting", typeName);
      if (!d.meetingAttendees().isEmpty()) {
        violations.add(new FieldViolation("meetingAttendees", "is only for meeting activities, not " + typeName));
      }
    } else {
      start = time(violations, "meetingStartTime", d.meetingStartTime());
      end = time(violations, "meetingEndTime", d.meetingEndTime());
      if (start != null && end != null && !end.isAfter(start)) {
        violations.add(new FieldViolation("meetingEndTime", "must be after the start"));
      }
      location = Fields.text(violations, "meetingLocation", d.meetingLocation(), 255);
      if (d.meetingAttendees().size() > MAX_ADDRESSES) {
        violations.add(new FieldViolation("meetingAttendees", "must be at most " + MAX_ADDRESSES + " people"));
      } else {
        var clean = new ArrayList<String>();
        for (String a : d.meetingAttendees()) {
          String v = Fields.text(violations, "meetingAttendees", a, 255);
          if (v != null) {
            clean.add(v);
          }
        }
        attendees = clean;
      }
    }

    if (type != null && subject == null && description == null && !(call && (outcome != null || duration != null))) {
      violations.add(new FieldViolation("subject", "is required (or a description)"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new ActivityDetails(type, subject, description, emailFrom, emailTo, duration, outcome, recording, start,
        end, location, attendees);
  }

  private static void onlyFor(List<FieldViolation> violations, String field, @Nullable String raw, String owner,
                              String type) {
    if (blank(raw) != null) {
      violations.add(new FieldViolation(field, "is only for " + owner + " activities, not " + type));
    }
  }

  private static @Nullable String address(List<FieldViolation> violations, String field, String raw) {
    var problem = EmailAddress.problem(raw);
    if (problem.isPresent()) {
      violations.add(new FieldViolation(field, problem.get()));
      return null;
    }
    return new EmailAddress(raw).value();
  }

  private static List<String> addresses(List<FieldViolation> violations, String raw) {
    var clean = new ArrayList<String>();
    for (String part : raw.split("[,;]")) {
      if (part.isBlank()) {
        continue;
      }
      var problem = EmailAddress.problem(part);
      if (problem.isPresent()) {
        violations.add(new FieldViolation("emailTo", "\"" + abbreviate(part.strip()) + "\" " + problem.get()));
        return List.of();
      }
      clean.add(new EmailAddress(part).value());
    }
    if (clean.isEmpty()) {
      violations.add(new FieldViolation("emailTo", "is required for an e-mail"));
    } else if (clean.size() > MAX_ADDRESSES) {
      violations.add(new FieldViolation("emailTo", "must be at most " + MAX_ADDRESSES + " addresses"));
    }
    return clean;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static @Nullable Instant time(List<FieldViolation> violations, String field, @Nullable String raw) {
    String v = blank(raw);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        violations.add(new FieldViolation(field, "must be a date and time such as 2026-12-01T14:30:00Z"));
        return null;
      }
    }
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
