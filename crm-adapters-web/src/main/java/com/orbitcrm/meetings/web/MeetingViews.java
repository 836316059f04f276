package com.orbitcrm.meetings.web;

import com.orbitcrm.meetings.LocationType;
import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingAttendee;
import com.orbitcrm.meetings.MeetingStatus;
import com.orbitcrm.meetings.Rsvp;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordSummary;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.platform.Records;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Meetings as the pages show them, in the viewer's zone: what they are about (read for a whole list at once,
 * one query per record type) and who organizes them (the workspace's members, read once).
 */
@Component
class MeetingViews {

  static final RecordType DEAL = new RecordType("deal");

  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private final Records records;
  private final MemberService members;

  MeetingViews(Records records, MemberService members) {
    this.records = records;
    this.members = members;
  }

  /** A meeting in a list, a calendar block or a section. */
  record Card(String id, String title, MeetingStatus status, Instant start, Instant end, int version,
              String time, String day, String when, long minutes, @Nullable About about, String where,
              int attendees, boolean over, int dayOfMonth, String month) {

    public String statusKey() {
      return status.key();
    }

    public String statusLabel() {
      return status.label();
    }

    public boolean live() {
      return status.isLive();
    }

    /** Badge colour of the status. */
    public String statusBadge() {
      return switch (status) {
        case SCHEDULED -> "badge-brand";
        case RESCHEDULED -> "badge-info";
        case COMPLETED -> "badge-ok";
        case CANCELLED -> "badge-danger";
      };
    }

    /** A past meeting nobody marked completed or cancelled: it asks for its outcome. */
    public boolean awaitsWrapUp() {
      return over && status.isLive();
    }

    /** "Title, 09:00–10:00, about Acme, rescheduled": what a screen reader says for a calendar block. */
    public String spoken() {
      return title + ", " + day + " " + time + (about == null ? "" : ", " + about.label())
          + (status == MeetingStatus.SCHEDULED ? "" : ", " + status.label().toLowerCase(Locale.ROOT));
    }
  }

  /** The record a meeting is about, and the deal it serves when that is another record. */
  record About(String typeLabel, String label, String link, @Nullable String dealLabel, @Nullable String dealLink) {}

  /** A person at a meeting: the organizer or an attendee. */
  record Person(String name, String email, @Nullable Rsvp rsvp, boolean member, boolean me) {

    public String rsvpLabel() {
      return rsvp == null ? "Organizer" : rsvp.label();
    }

    public String rsvpBadge() {
      return rsvp == null ? "badge-brand" : switch (rsvp) {
        case PENDING -> "";
        case ACCEPTED -> "badge-ok";
        case DECLINED -> "badge-danger";
      };
    }

    public String initials() {
      String[] parts = name.strip().split("[\\s@.]+");
      String first = parts.length > 0 && !parts[0].isEmpty() ? parts[0].substring(0, 1) : "?";
      String second = parts.length > 1 && !parts[1].isEmpty() ? parts[1].substring(0, 1) : "";
      return (first + second).toUpperCase(Locale.ROOT);
    }
  }

  /** Everything the meeting's detail shows. */
  record Detail(Card card, String zone, String zoneTimes, @Nullable String viewerZone, @Nullable String viewerTimes,
                LocationType locationType, @Nullable String location, @Nullable String meetingUrl,
                @Nullable Person organizer, List<Person> attendees, @Nullable String description,
                @Nullable String notes, @Nullable String outcome, @Nullable String reminder,
                @Nullable Person myInvitation, String localDate, String localTime, long durationMinutes) {

    public long accepted() {
      return attendees.stream().filter(p -> p.rsvp() == Rsvp.ACCEPTED).count();
    }

    public long declined() {
      return attendees.stream().filter(p -> p.rsvp() == Rsvp.DECLINED).count();
    }
  }

  List<Card> cards(Collection<Meeting> meetings, ZoneId zone, Instant now) {
    Map<RecordRef, RecordSummary> found = about(meetings);
    return meetings.stream().map(m -> card(m, zone, now, found)).toList();
  }

  Card card(Meeting m, ZoneId zone, Instant now) {
    return card(m, zone, now, about(List.of(m)));
  }

  Detail detail(Meeting m, ZoneId viewer, @Nullable UserId me, Instant now) {
    Card card = card(m, viewer, now);
    var d = m.details();
    Map<UserId, Member> team = members.members().stream().collect(Collectors.toMap(Member::user, x -> x, (a, b) -> a));
    var emails = new HashMap<String, Member>();
    team.values().forEach(x -> emails.put(x.email().value(), x));
    Member organizer = m.organizer() == null ? null : team.get(m.organizer());
    Member self = me == null ? null : team.get(me);
    var attendees = new ArrayList<Person>();
    Person mine = null;
    for (MeetingAttendee a : d.attendees()) {
      Member member = emails.get(a.email().value());
      boolean isMe = self != null && self.email().equals(a.email());
      var person = new Person(a.name() != null ? a.name() : member != null ? member.name() : a.email().value(),
          a.email().value(), a.status(), member != null, isMe);
      attendees.add(person);
      if (isMe) {
        mine = person;
      }
    }
    boolean otherZone = !sameOffsets(d.zone(), viewer, d.start(), d.end());
    ZonedDateTime local = d.start().atZone(d.zone());
    return new Detail(card, zoneName(d.zone(), d.start()), span(d.start(), d.end(), d.zone(), true),
        otherZone ? zoneName(viewer, d.start()) : null, otherZone ? span(d.start(), d.end(), viewer, true) : null,
        d.locationType(), d.location(), d.meetingUrl(),
        organizer == null ? null : new Person(organizer.name(), organizer.email().value(), null, true,
            organizer.user().equals(me)),
        attendees, d.description(), d.notes(), d.outcome(), reminder(d.reminderMinutes()), mine,
        local.toLocalDate().toString(), TIME.format(local), Duration.between(d.start(), d.end()).toMinutes());
  }

  /** "Europe/Berlin (CET)": a zone's name and its short name at {@code at}. */
  static String zoneName(ZoneId zone, Instant at) {
    String shortName = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(at.atZone(zone));
    return zone.getId().equals(shortName) ? zone.getId() : zone.getId() + " (" + shortName + ")";
  }

  /** "Tue 1 Dec 2026, 09:00–10:00"; over several days "Tue 1 Dec 2026, 22:00 – Wed 2 Dec 2026, 01:30". */
  static String span(Instant start, Instant end, ZoneId zone, boolean year) {
    var s = start.atZone(zone);
    var e = end.atZone(zone);
    DateTimeFormatter day = year ? DAY_YEAR : DAY;
    if (s.toLocalDate().equals(e.toLocalDate())
        || e.toLocalDate().equals(s.toLocalDate().plusDays(1)) && e.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
      return day.format(s) + ", " + TIME.format(s) + "–" + (e.toLocalDate().equals(s.toLocalDate()) ? TIME.format(e) : "24:00");
    }
    return day.format(s) + ", " + TIME.format(s) + " – " + day.format(e) + ", " + TIME.format(e);
  }

  /** "09:00–10:00" on the meeting's first day in {@code zone}; "22:00 → Wed" when it ends on another day. */
  static String time(Instant start, Instant end, ZoneId zone) {
    var s = start.atZone(zone);
    var e = end.atZone(zone);
    if (s.toLocalDate().equals(e.toLocalDate())) {
      return TIME.format(s) + "–" + TIME.format(e);
    }
    if (e.toLocalDate().equals(s.toLocalDate().plusDays(1)) && e.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
      return TIME.format(s) + "–24:00";
    }
    return TIME.format(s) + " – " + DAY.format(e) + " " + TIME.format(e);
  }

  static @Nullable String reminder(@Nullable Integer minutes) {
    if (minutes == null) {
      return null;
    }
    return MeetingForm.reminderLabel(minutes);
  }

  private static boolean sameOffsets(ZoneId a, ZoneId b, Instant start, Instant end) {
    return a.getRules().getOffset(start).equals(b.getRules().getOffset(start))
        && a.getRules().getOffset(end).equals(b.getRules().getOffset(end));
  }

  private Card card(Meeting m, ZoneId zone, Instant now, Map<RecordRef, RecordSummary> found) {
    var d = m.details();
    var s = d.start().atZone(zone);
    LocalDate day = s.toLocalDate();
    String where = switch (d.locationType()) {
      case VIRTUAL -> d.location() != null ? d.location() : "Video call";
      case IN_PERSON -> d.location() != null ? d.location() : "In person";
      case PHONE -> d.location() != null ? d.location() : "Phone";
    };
    return new Card(m.id().toString(), d.title(), m.status(), d.start(), d.end(), m.version(),
        time(d.start(), d.end(), zone), (day.getYear() == LocalDate.now(zone).getYear() ? DAY : DAY_YEAR).format(s),
        span(d.start(), d.end(), zone, day.getYear() != LocalDate.now(zone).getYear()),
        Duration.between(d.start(), d.end()).toMinutes(), about(m, found), where, d.attendees().size(), m.isOver(now),
        s.getDayOfMonth(), MONTH.format(s));
  }

  private @Nullable About about(Meeting m, Map<RecordRef, RecordSummary> found) {
    RecordSummary entity = m.entity() == null ? null : found.get(m.entity());
    RecordSummary deal = m.dealId() == null || (m.entity() != null && m.entity().type().equals(DEAL))
        ? null : found.get(new RecordRef(DEAL, m.dealId()));
    if (entity == null && deal == null) {
      return null;
    }
    if (entity == null) {
      return new About(records.typeLabel(DEAL), deal.label(), deal.link(), null, null);
    }
    return new About(records.typeLabel(entity.ref().type()), entity.label(), entity.link(),
        deal == null ? null : deal.label(), deal == null ? null : deal.link());
  }

  /** The records some meetings are about and the deals they serve, one query per record type. */
  private Map<RecordRef, RecordSummary> about(Collection<Meeting> meetings) {
    var refs = new HashSet<RecordRef>();
    for (Meeting m : meetings) {
      if (m.entity() != null) {
        refs.add(m.entity());
      }
      if (m.dealId() != null) {
        refs.add(new RecordRef(DEAL, m.dealId()));
      }
    }
    return refs.isEmpty() ? Map.of() : records.find(refs);
  }

}
