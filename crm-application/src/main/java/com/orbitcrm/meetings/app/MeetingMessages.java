package com.orbitcrm.meetings.app;

import com.orbitcrm.meetings.LocationType;
import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingAttendee;
import com.orbitcrm.meetings.port.CalendarFiles;
import com.orbitcrm.meetings.port.MeetingMail;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.PublicLinks;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.app.MemberService;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The e-mails about a meeting, written once: invitations and updates (with the attendee's own answer
 * link and the iCalendar request), cancellations, and reminders. Times are given in the meeting's zone,
 * named, so nobody guesses which 9:00 is meant.
 */
@Component
class MeetingMessages {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private final CalendarFiles calendars;
  private final RsvpLinks links;
  private final MemberService members;
  /** {@code orbit.public-url}: the start of the links e-mails carry. */
  private final PublicLinks publicUrl;

  MeetingMessages(CalendarFiles calendars, RsvpLinks links, MemberService members, PublicLinks publicUrl) {
    this.calendars = calendars;
    this.links = links;
    this.members = members;
    this.publicUrl = publicUrl;
  }

  /** The organizer, if they are still a member of the workspace. */
  Optional<Member> organizer(Meeting m) {
    return m.organizer() == null || !members.isMember(m.organizer()) ? Optional.empty()
        : Optional.of(members.member(m.organizer()));
  }

  /** Where an attendee answers (no sign-in). */
  String answerUrl(Meeting m, EmailAddress attendee) {
    return publicUrl.base() + "/rsvp/" + links.token(m.id(), attendee);
  }

  String meetingUrl(Meeting m) {
    return publicUrl.base() + "/meetings?meeting=" + m.id();
  }

  /**
   * The meeting as a calendar file ({@code method} REQUEST, CANCEL or PUBLISH), not a named calendar.
   * The organizer is read once by the caller, for all the messages of one meeting.
   */
  String calendar(Meeting m, Optional<Member> organizer, CalendarFiles.Method method, @Nullable String url) {
    return calendars.write(method, "", List.of(entry(m, organizer, url)));
  }

  /** A subscribed calendar of several meetings (METHOD:PUBLISH). */
  String calendarOf(String name, List<CalendarFiles.Entry> entries) {
    return calendars.write(CalendarFiles.Method.PUBLISH, name, entries);
  }

  CalendarFiles.Entry entry(Meeting m, Optional<Member> organizer, @Nullable String url) {
    return new CalendarFiles.Entry(m, organizer.map(o -> new CalendarFiles.Organizer(o.email(), o.name())).orElse(null),
        url);
  }

  MeetingMail.Message invitation(Meeting m, Optional<Member> organizer, MeetingAttendee to, boolean update) {
    String who = organizer.map(Member::name).orElse("Your contact");
    String answer = answerUrl(m, to.email());
    String subject = (update ? "Updated invitation: " : "Invitation: ") + m.details().title() + " — " + when(m);
    String text = (update ? who + " changed this meeting.\n\n" : who + " invites you to a meeting.\n\n")
        + summary(m) + "\nWill you attend? Answer here: " + answer + "\n";
    return new MeetingMail.Message(List.of(new MeetingMail.Recipient(to.email(), to.name())), replyTo(organizer),
        subject, text, calendar(m, organizer, CalendarFiles.Method.REQUEST, answer), "REQUEST");
  }

  MeetingMail.Message cancellation(Meeting m, Optional<Member> organizer, MeetingAttendee to) {
    String subject = "Cancelled: " + m.details().title() + " — " + when(m);
    String text = organizer.map(Member::name).orElse("The organizer") + " cancelled this meeting.\n\n" + summary(m);
    return new MeetingMail.Message(List.of(new MeetingMail.Recipient(to.email(), to.name())), replyTo(organizer),
        subject, text, calendar(m, organizer, CalendarFiles.Method.CANCEL, null), "CANCEL");
  }

  /** A reminder to one person; the organizer's links to the meeting in Orbit, an attendee's to answer. */
  MeetingMail.Message reminder(Meeting m, Optional<Member> organizer, MeetingMail.Recipient to,
                               boolean isOrganizer) {
    String subject = "Reminder: " + m.details().title() + " at " + TIME.format(m.details().start().atZone(m.details().zone()))
        + " (" + m.details().zone().getId() + ")";
    String link = isOrganizer ? "Open it in Orbit: " + meetingUrl(m) : "Your answer: " + answerUrl(m, to.email());
    String text = "Your meeting starts soon.\n\n" + summary(m) + "\n" + link + "\n";
    return new MeetingMail.Message(List.of(to), replyTo(organizer), subject, text, null, null);
  }

  /** "Tuesday 1 December 2026, 14:30–15:30 (America/New_York)". */
  static String when(Meeting m) {
    return when(m, m.details().zone());
  }

  static String when(Meeting m, ZoneId zone) {
    var start = m.details().start().atZone(zone);
    var end = m.details().end().atZone(zone);
    String endText = end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end)
        : DAY.format(end) + ", " + TIME.format(end);
    return DAY.format(start) + ", " + TIME.format(start) + "–" + endText + " (" + zone.getId() + ")";
  }

  private static String summary(Meeting m) {
    var d = m.details();
    var text = new StringBuilder();
    text.append(d.title()).append('\n').append("When: ").append(when(m)).append('\n');
    String where = d.locationType() == LocationType.VIRTUAL && d.meetingUrl() != null ? d.meetingUrl() : d.location();
    text.append("Where: ").append(d.locationType().label()).append(where == null ? "" : " — " + where).append('\n');
    if (!d.attendees().isEmpty()) {
      text.append("Who: ").append(String.join(", ", d.attendees().stream().map(MeetingAttendee::displayName).toList()))
          .append('\n');
    }
    if (d.description() != null) {
      text.append('\n').append(d.description()).append('\n');
    }
    return text.toString();
  }

  private static MeetingMail.@Nullable Recipient replyTo(Optional<Member> organizer) {
    return organizer.map(o -> new MeetingMail.Recipient(o.email(), o.name())).orElse(null);
  }
}
