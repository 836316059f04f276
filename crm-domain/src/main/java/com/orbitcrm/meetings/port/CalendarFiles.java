package com.orbitcrm.meetings.port;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.platform.EmailAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Secondary port: writes meetings as RFC 5545 iCalendar text (with a maintained library): one event per
 * meeting with a stable {@code UID}, its {@code SEQUENCE}, {@code ORGANIZER}, each {@code ATTENDEE} with
 * its {@code PARTSTAT}, and the {@code VTIMEZONE} of each zone used.
 */
public interface CalendarFiles {

  /** How the calendar is meant: an invitation or update, a cancellation, or a copy to keep. */
  enum Method { REQUEST, CANCEL, PUBLISH }

  /** The organizer as a calendar names them. */
  record Organizer(EmailAddress email, @Nullable String name) {}

  /**
   * One meeting as the calendar shows it.
   *
   * @param url where to open it in Orbit (or answer it), or {@literal null}.
   */
  record Entry(Meeting meeting, @Nullable Organizer organizer, @Nullable String url) {}

  /** A calendar of {@code entries}; {@code name} titles a subscribed feed. */
  String write(Method method, String name, List<Entry> entries);
}
