package com.orbitcrm.meetings;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A meeting's editable fields as typed (a form, a JSON body), unchecked; {@link MeetingDetails#from} checks
 * them and names every field that is wrong. Times are ISO-8601: with an offset ({@code 2026-12-01T14:30:00Z})
 * or local ({@code 2026-12-01T14:30}), which is read in the meeting's {@code timezone}.
 *
 * @param reminderMinutes minutes before the start; blank for no reminder.
 */
public record MeetingDraft(@Nullable String title, @Nullable String description, @Nullable String startTime,
                           @Nullable String endTime, @Nullable String timezone, @Nullable String locationType,
                           @Nullable String location, @Nullable String meetingUrl, List<AttendeeDraft> attendees,
                           @Nullable String reminderMinutes, @Nullable String notes, @Nullable String outcome) {

  /** The reminder a new meeting gets when none is said: the original spec's 15 minutes. */
  public static final String DEFAULT_REMINDER = "15";

  public MeetingDraft {
    attendees = attendees == null ? List.of() : List.copyOf(attendees);
  }

  /** An attendee as typed; {@code status} blank is pending. */
  public record AttendeeDraft(@Nullable String email, @Nullable String name, @Nullable String status) {}

  /** A new meeting's draft before anything is typed. */
  public static MeetingDraft blank() {
    return new MeetingDraft(null, null, null, null, null, null, null, null, List.of(), DEFAULT_REMINDER, null, null);
  }

  /** The draft of a stored meeting, for a partial change. */
  public static MeetingDraft of(MeetingDetails d) {
    return new MeetingDraft(d.title(), d.description(), d.start().toString(), d.end().toString(), d.zone().getId(),
        d.locationType().key(), d.location(), d.meetingUrl(),
        d.attendees().stream().map(a -> new AttendeeDraft(a.email().value(), a.name(), a.status().key())).toList(),
        d.reminderMinutes() == null ? null : d.reminderMinutes().toString(), d.notes(), d.outcome());
  }

  public MeetingDraft withTitle(@Nullable String v) {
    return new MeetingDraft(v, description, startTime, endTime, timezone, locationType, location, meetingUrl, attendees,
        reminderMinutes, notes, outcome);
  }

  public MeetingDraft withDescription(@Nullable String v) {
    return new MeetingDraft(title, v, startTime, endTime, timezone, locationType, location, meetingUrl, attendees,
        reminderMinutes, notes, outcome);
  }

  public MeetingDraft withTimes(@Nullable String start, @Nullable String end) {
    return new MeetingDraft(title, description, start, end, timezone, locationType, location, meetingUrl, attendees,
        reminderMinutes, notes, outcome);
  }

  public MeetingDraft withTimezone(@Nullable String v) {
    return new MeetingDraft(title, description, startTime, endTime, v, locationType, location, meetingUrl, attendees,
        reminderMinutes, notes, outcome);
  }

  public MeetingDraft withPlace(@Nullable String type, @Nullable String where, @Nullable String url) {
    return new MeetingDraft(title, description, startTime, endTime, timezone, type, where, url, attendees,
        reminderMinutes, notes, outcome);
  }

  public MeetingDraft withAttendees(List<AttendeeDraft> v) {
    return new MeetingDraft(title, description, startTime, endTime, timezone, locationType, location, meetingUrl, v,
        reminderMinutes, notes, outcome);
  }

  public MeetingDraft withReminderMinutes(@Nullable String v) {
    return new MeetingDraft(title, description, startTime, endTime, timezone, locationType, location, meetingUrl,
        attendees, v, notes, outcome);
  }

  public MeetingDraft withWrapUp(@Nullable String newNotes, @Nullable String newOutcome) {
    return new MeetingDraft(title, description, startTime, endTime, timezone, locationType, location, meetingUrl,
        attendees, reminderMinutes, newNotes, newOutcome);
  }
}
