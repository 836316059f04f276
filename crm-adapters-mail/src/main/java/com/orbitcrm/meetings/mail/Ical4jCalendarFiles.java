package com.orbitcrm.meetings.mail;

import com.orbitcrm.meetings.LocationType;
import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingAttendee;
import com.orbitcrm.meetings.MeetingDetails;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.MeetingStatus;
import com.orbitcrm.meetings.port.CalendarFiles;
import com.orbitcrm.platform.EmailAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ConstraintViolationException;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.ZoneRulesBuilder;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

/**
 * Writes meetings as RFC 5545 iCalendar with ical4j, the way calendar clients (Gmail, Outlook, Apple Calendar)
 * expect an invitation, update, cancellation or subscribed feed to look.
 *
 * <p>Each meeting is one {@code VEVENT} whose {@code UID} is derived from its id alone, so that every later
 * file about it (a new time, a cancellation) updates the same event in the attendee's calendar; its
 * {@code SEQUENCE} is the meeting's, so that clients apply updates in order and ignore stale ones.
 *
 * <p>Times are written in the meeting's own zone ({@code DTSTART;TZID=America/New_York:20261101T013000}) with
 * that zone's {@code VTIMEZONE}, so that clients keep showing the meeting at the local time it was planned for.
 * The definitions are the ones bundled in the ical4j jar, never fetched (see {@code ical4j.properties}). A time
 * is written in UTC instead when the local form would not say exactly the same instant to a client reading that
 * VTIMEZONE: in UTC and fixed-offset zones, in a zone ical4j has no definition for, where its definition and
 * the JDK's disagree, and for the second of two instants that share a local time when clocks go back (RFC 5545
 * reads such a local time as the first one).
 */
@Component
class Ical4jCalendarFiles implements CalendarFiles {

  static final String PRODID = "-//Orbit CRM//Meetings//EN";

  private final Clock clock;
  private final TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
  /** The calendar form of each zone met so far (empty: written in UTC). */
  private final Map<ZoneId, Optional<CalendarZone>> zones = new ConcurrentHashMap<>();

  Ical4jCalendarFiles(Clock clock) {
    this.clock = clock;
  }

  /** The {@code UID} of a meeting's event: the same in every file ever written about it. */
  static String uid(MeetingId meeting) {
    return meeting.value() + "@orbitcrm";
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code name}, when not blank, titles a {@code PUBLISH} feed ({@code X-WR-CALNAME}); it is ignored for
   * invitations. Attendees are asked to answer ({@code RSVP=TRUE}) only in a {@code REQUEST}: a cancellation or
   * a feed has nothing to answer.
   */
  @Override
  public String write(Method method, String name, List<Entry> entries) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    var usedZones = new LinkedHashMap<String, VTimeZone>();
    var events = new ArrayList<VEvent>();
    for (Entry entry : entries) {
      events.add(event(method, entry, now, usedZones));
    }

    var calendar = new Calendar();
    calendar.add(new ProdId(PRODID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(switch (method) {
      case REQUEST -> ImmutableMethod.REQUEST;
      case CANCEL -> ImmutableMethod.CANCEL;
      case PUBLISH -> ImmutableMethod.PUBLISH;
    });
    if (method == Method.PUBLISH && !name.isBlank()) {
      calendar.add(new XProperty("X-WR-CALNAME", name.strip()));
    }
    usedZones.values().forEach(calendar::add);
    events.forEach(calendar::add);

    // Not validated against RFC 5546 (which would have no ATTENDEE in a PUBLISH: a feed lists who comes).
    return fold(calendar.toString());
  }

  /**
   * Folds content lines to at most 75 octets of UTF-8, continuation lines beginning with a space (RFC 5545,
   * 3.1). ical4j's own folding counts characters, which lets a line of accented or non-Latin text run past 75
   * octets; here a fold never splits a character.
   */
  static String fold(String unfolded) {
    var out = new StringBuilder(unfolded.length() + unfolded.length() / 40);
    for (String line : unfolded.split("\r\n")) {
      int octets = 0;
      for (int i = 0; i < line.length(); ) {
        int codePoint = line.codePointAt(i);
        int size = utf8Size(codePoint);
        if (octets + size > MAX_LINE_OCTETS) {
          out.append("\r\n ");
          octets = 1;
        }
        out.appendCodePoint(codePoint);
        octets += size;
        i += Character.charCount(codePoint);
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static final int MAX_LINE_OCTETS = 75;

  private static int utf8Size(int codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }

  private VEvent event(Method method, Entry entry, Instant now, Map<String, VTimeZone> usedZones) {
    Meeting meeting = entry.meeting();
    MeetingDetails d = meeting.details();
    var event = new VEvent(false);
    event.add(new Uid(uid(meeting.id())));
    event.add(new DtStamp(now));
    event.add(new Sequence(meeting.sequence()));

    Optional<CalendarZone> zone = zones.computeIfAbsent(d.zone(), this::calendarZone);
    Temporal start = at(d.start(), zone);
    Temporal end = at(d.end(), zone);
    if (start instanceof ZonedDateTime || end instanceof ZonedDateTime) {
      CalendarZone used = zone.orElseThrow();
      usedZones.putIfAbsent(used.tzid(), used.definition());
    }
    event.add(new DtStart<>(start));
    event.add(new DtEnd<>(end));

    event.add(new Summary(d.title()));
    if (d.description() != null) {
      event.add(new Description(d.description()));
    }
    String location = d.locationType() == LocationType.VIRTUAL && d.meetingUrl() != null ? d.meetingUrl() : d.location();
    if (location != null) {
      event.add(new Location(location));
    }
    if (entry.url() != null) {
      event.add(new Url(URI.create(entry.url())));
    }
    boolean cancelled = method == Method.CANCEL || meeting.status() == MeetingStatus.CANCELLED;
    event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);

    Organizer organizer = entry.organizer();
    if (organizer != null) {
      event.add(organizer(organizer));
    }
    for (MeetingAttendee a : d.attendees()) {
      event.add(attendee(a, method == Method.REQUEST));
    }
    if (d.reminderMinutes() != null) {
      var alarm = new VAlarm(Duration.ofMinutes(-d.reminderMinutes()));
      alarm.add(ImmutableAction.DISPLAY);
      alarm.add(new Description(d.title()));
      event.add(alarm);
    }
    return event;
  }

  private static net.fortuna.ical4j.model.property.Organizer organizer(Organizer organizer) {
    var parameters = new ArrayList<Parameter>();
    if (organizer.name() != null && !organizer.name().isBlank()) {
      parameters.add(new Cn(organizer.name()));
    }
    return new net.fortuna.ical4j.model.property.Organizer(new ParameterList(parameters), mailto(organizer.email()));
  }

  private static Attendee attendee(MeetingAttendee attendee, boolean askForAnswer) {
    var parameters = new ArrayList<Parameter>();
    if (attendee.name() != null && !attendee.name().isBlank()) {
      parameters.add(new Cn(attendee.name()));
    }
    parameters.add(new PartStat(attendee.status().partStat()));
    if (askForAnswer) {
      parameters.add(Rsvp.TRUE);
    }
    return new Attendee(new ParameterList(parameters), mailto(attendee.email()));
  }

  /** A {@code mailto:} URI; characters a URI may not hold (an address may have {@code #} or {@code |}) are quoted. */
  static URI mailto(EmailAddress email) {
    try {
      return new URI("mailto", email.value(), null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a mailto address: " + email, e);
    }
  }

  /**
   * How {@code instant} is written: as a local time of the zone (its {@link ZonedDateTime}) when a reader of
   * the zone's VTIMEZONE gets exactly this instant back from it; else as UTC (an {@link Instant}).
   */
  private static Temporal at(Instant instant, Optional<CalendarZone> zone) {
    if (zone.isEmpty()) {
      return instant;
    }
    ZonedDateTime local = instant.atZone(zone.get().zone());
    return read(local.toLocalDateTime(), zone.get().rules()).equals(instant) ? local : instant;
  }

  /**
   * The instant a client reads from a local time under {@code rules} (RFC 5545, 3.3.5): of two instants with
   * that local time, the first; in a gap (clocks going forward), the local time moved on by the gap.
   */
  static Instant read(LocalDateTime local, ZoneRules rules) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(local);
      return local.plus(gap.getDuration()).toInstant(gap.getOffsetAfter());
    }
    return local.toInstant(offsets.getFirst());
  }

  /**
   * The zone's bundled VTIMEZONE, or empty when its times are best written in UTC: UTC itself and fixed
   * offsets (nothing to follow), and zones ical4j has no definition for.
   */
  private Optional<CalendarZone> calendarZone(ZoneId zone) {
    if (zone.normalized() instanceof ZoneOffset) {
      return Optional.empty();
    }
    TimeZone definition = registry.getTimeZone(zone.getId());
    if (definition == null) {
      return Optional.empty();
    }
    VTimeZone vtimezone = definition.getVTimeZone();
    Optional<String> tzid = vtimezone.getProperty(Property.TZID).map(Property::getValue);
    if (tzid.isEmpty()) {
      return Optional.empty();
    }
    try {
      // An alias (US/Eastern) comes back as its zone's definition (America/New_York): TZID and times follow it.
      return Optional.of(new CalendarZone(tzid.get(), ZoneId.of(tzid.get()), vtimezone,
          new ZoneRulesBuilder().vTimeZone(vtimezone).build()));
    } catch (DateTimeException | ConstraintViolationException e) {
      return Optional.empty();
    }
  }

  /**
   * A zone as the calendar names it.
   *
   * @param zone the JDK's zone of that name, which gives the local times written.
   * @param rules the VTIMEZONE as a client reads it (ical4j's reading), which checks each local time written.
   */
  private record CalendarZone(String tzid, ZoneId zone, VTimeZone definition, ZoneRules rules) {}
}
