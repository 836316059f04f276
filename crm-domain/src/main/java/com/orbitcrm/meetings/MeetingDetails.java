package com.orbitcrm.meetings;

import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.Fields;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.TimeZones;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a meeting says, checked: a title, a start and an end (as instants; the end after the start, at most
 * {@link #MAX_DURATION} later), the IANA zone it is planned in, where it happens, who is invited (each
 * address once), the reminder and, once it happened, notes and an outcome.
 *
 * @param reminderMinutes minutes before the start a reminder goes out; {@literal null} for none.
 */
public record MeetingDetails(String title, @Nullable String description, Instant start, Instant end, ZoneId zone,
                             LocationType locationType, @Nullable String location, @Nullable String meetingUrl,
                             List<MeetingAttendee> attendees, @Nullable Integer reminderMinutes,
                             @Nullable String notes, @Nullable String outcome) {

  public static final int MAX_TITLE = 255;
  public static final int MAX_TEXT = 20_000;
  public static final int MAX_LOCATION = 500;
  public static final int MAX_OUTCOME = 255;
  public static final int MAX_ATTENDEES = 100;
  /** Four weeks: the longest lead a reminder may have. */
  public static final int MAX_REMINDER_MINUTES = 4 * 7 * 24 * 60;
  /**
   * The longest a meeting may last. The range queries rely on it: a meeting that overlaps a day started at
   * most this long before the day, so they read the start-time index from there (tested against this value).
   */
  public static final Duration MAX_DURATION = Duration.ofDays(14);

  public MeetingDetails {
    Objects.requireNonNull(title);
    Objects.requireNonNull(start);
    Objects.requireNonNull(end);
    Objects.requireNonNull(zone);
    Objects.requireNonNull(locationType);
    attendees = List.copyOf(attendees);
  }

  public Duration duration() {
    return Duration.between(start, end);
  }

  /**
   * Checks a draft.
   *
   * @param defaultZone the zone when the draft names none (the organizer's).
   * @throws InvalidInputException with every problem, by field.
   */
  public static MeetingDetails from(MeetingDraft d, ZoneId defaultZone) {
    var violations = new ArrayList<FieldViolation>();
    String title = Fields.text(violations, "title", d.title(), MAX_TITLE);
    if (title == null && violations.stream().noneMatch(v -> v.field().equals("title"))) {
      violations.add(new FieldViolation("title", "is required"));
    }
    String description = Fields.text(violations, "description", d.description(), MAX_TEXT);

    ZoneId zone = defaultZone;
    String rawZone = Fields.text(violations, "timezone", d.timezone(), 64);
    if (rawZone != null) {
      zone = TimeZones.parse(rawZone).orElse(null);
      if (zone == null) {
        violations.add(new FieldViolation("timezone", "is not a time zone (use an IANA name such as America/New_York)"));
        zone = defaultZone;
      }
    }
    Instant start = time(violations, "startTime", d.startTime(), zone);
    Instant end = time(violations, "endTime", d.endTime(), zone);
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        violations.add(new FieldViolation("endTime", "must be after the start"));
      } else if (Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
        violations.add(new FieldViolation("endTime", "must be at most " + MAX_DURATION.toDays() + " days after the start"));
      }
    }

    LocationType locationType = LocationType.VIRTUAL;
    String rawType = Fields.text(violations, "locationType", d.locationType(), 20);
    if (rawType != null) {
      locationType = LocationType.of(rawType.toLowerCase(Locale.ROOT)).orElse(null);
      if (locationType == null) {
        violations.add(new FieldViolation("locationType", "must be one of " + LocationType.keys()));
        locationType = LocationType.VIRTUAL;
      }
    }
    String location = Fields.text(violations, "location", d.location(), MAX_LOCATION);
    String url = Fields.text(violations, "meetingUrl", d.meetingUrl(), MAX_LOCATION);
    if (url != null && !Fields.isWebUrl(url)) {
      violations.add(new FieldViolation("meetingUrl", "must be an http(s) URL"));
      url = null;
    }

    List<MeetingAttendee> attendees = attendees(violations, d.attendees());

    Integer reminder = null;
    String rawReminder = Fields.text(violations, "reminderMinutes", d.reminderMinutes(), 10);
    if (rawReminder != null) {
      try {
        reminder = Integer.parseInt(rawReminder);
        if (reminder < 0 || reminder > MAX_REMINDER_MINUTES) {
          violations.add(new FieldViolation("reminderMinutes", "must be between 0 and " + MAX_REMINDER_MINUTES));
          reminder = null;
        }
      } catch (NumberFormatException e) {
        violations.add(new FieldViolation("reminderMinutes", "must be a whole number of minutes"));
      }
    }
    String notes = Fields.text(violations, "notes", d.notes(), MAX_TEXT);
    String outcome = Fields.text(violations, "outcome", d.outcome(), MAX_OUTCOME);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new MeetingDetails(title, description, start, end, zone, locationType, location, url, attendees, reminder,
        notes, outcome);
  }

  private static List<MeetingAttendee> attendees(List<FieldViolation> violations, List<MeetingDraft.AttendeeDraft> typed) {
    if (typed.size() > MAX_ATTENDEES) {
      violations.add(new FieldViolation("attendees", "must be at most " + MAX_ATTENDEES + " people"));
      return List.of();
    }
    var byEmail = new LinkedHashMap<EmailAddress, MeetingAttendee>();
    for (int i = 0; i < typed.size(); i++) {
      var a = typed.get(i);
      String field = "attendees[" + i + "]";
      String email = Fields.text(violations, field + ".email", a.email(), 255);
      String name = Fields.text(violations, field + ".name", a.name(), MeetingAttendee.MAX_NAME);
      Rsvp status = Rsvp.PENDING;
      String rawStatus = Fields.text(violations, field + ".status", a.status(), 20);
      if (rawStatus != null) {
        status = Rsvp.of(rawStatus.toLowerCase(Locale.ROOT)).orElse(null);
        if (status == null) {
          violations.add(new FieldViolation(field + ".status", "must be one of pending, accepted, declined"));
          status = Rsvp.PENDING;
        }
      }
      if (email == null) {
        violations.add(new FieldViolation(field + ".email", "is required (invitations and answers go by e-mail)"));
        continue;
      }
      var problem = EmailAddress.problem(email);
      if (problem.isPresent()) {
        violations.add(new FieldViolation(field + ".email", "\"" + email + "\" " + problem.get()));
        continue;
      }
      var address = new EmailAddress(email);
      var previous = byEmail.get(address);
      byEmail.put(address, new MeetingAttendee(address, name != null ? name : previous == null ? null : previous.name(),
          status, null));
    }
    return List.copyOf(byEmail.values());
  }

  private static @Nullable Instant time(List<FieldViolation> violations, String field, @Nullable String raw, ZoneId zone) {
    String v = raw == null || raw.isBlank() ? null : raw.strip();
    if (v == null) {
      violations.add(new FieldViolation(field, "is required"));
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      try {
        // A local time is read in the meeting's zone; in a spring-forward gap it moves on by the gap.
        return LocalDateTime.parse(v).atZone(zone).toInstant();
      } catch (DateTimeParseException e2) {
        try {
          return Instant.parse(v);
        } catch (DateTimeParseException e3) {
          violations.add(new FieldViolation(field, "must be a date and time such as 2026-12-01T14:30:00Z"));
          return null;
        }
      }
    }
  }

  /** The same details at other times (a drag on the calendar). */
  public MeetingDetails at(Instant newStart, Instant newEnd) {
    return new MeetingDetails(title, description, newStart, newEnd, zone, locationType, location, meetingUrl, attendees,
        reminderMinutes, notes, outcome);
  }

  public MeetingDetails withAttendees(List<MeetingAttendee> newAttendees) {
    return new MeetingDetails(title, description, start, end, zone, locationType, location, meetingUrl, newAttendees,
        reminderMinutes, notes, outcome);
  }

  public MeetingDetails withWrapUp(@Nullable String newNotes, @Nullable String newOutcome) {
    return new MeetingDetails(title, description, start, end, zone, locationType, location, meetingUrl, attendees,
        reminderMinutes, newNotes, newOutcome);
  }

  /** Whether an invitation must be sent again for {@code other}: what, when, where or who changed. */
  boolean invitationDiffers(MeetingDetails other) {
    return !title.equals(other.title) || !Objects.equals(description, other.description) || !start.equals(other.start)
        || !end.equals(other.end) || !zone.equals(other.zone) || locationType != other.locationType
        || !Objects.equals(location, other.location) || !Objects.equals(meetingUrl, other.meetingUrl)
        || !attendees.stream().map(MeetingAttendee::email).toList()
            .equals(other.attendees.stream().map(MeetingAttendee::email).toList());
  }
}
