package com.orbitcrm.meetings.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.meetings.LocationType;
import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingAttendee;
import com.orbitcrm.meetings.MeetingDetails;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.Rsvp;
import com.orbitcrm.meetings.port.CalendarFiles;
import com.orbitcrm.meetings.port.CalendarFiles.Entry;
import com.orbitcrm.meetings.port.CalendarFiles.Method;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.TenantId;
import java.io.IOException;
import java.io.StringReader;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.util.Configurator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Writes meetings with {@link Ical4jCalendarFiles} and reads the text back with ical4j's own parser, as a
 * calendar client would: what the client understands is what is asserted, not the text's spelling.
 */
class Ical4jCalendarFilesUnitTest {

  static final Instant NOW = Instant.parse("2026-05-04T09:15:30.250Z");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final CalendarFiles.Organizer ORGANIZER =
      new CalendarFiles.Organizer(new EmailAddress("olga@orbit.example"), "Olga Organizer");

  final Ical4jCalendarFiles files = new Ical4jCalendarFiles(Clock.fixed(NOW, ZoneOffset.UTC));

  static final List<MeetingAttendee> ATTENDEES = List.of(
      new MeetingAttendee(new EmailAddress("ann@client.example"), "Ann Accepts", Rsvp.ACCEPTED, NOW),
      new MeetingAttendee(new EmailAddress("dan@client.example"), "Doe, Dan", Rsvp.DECLINED, NOW),
      MeetingAttendee.invited(new EmailAddress("pat@client.example"), null));

  static Meeting meeting(String title, Instant start, Instant end, ZoneId zone, @Nullable Integer reminderMinutes) {
    var details = new MeetingDetails(title, "Agenda: pricing, terms; next steps\nBring the draft — €100k", start,
        end, zone, LocationType.VIRTUAL, null, "https://meet.example.com/abc-defg", ATTENDEES, reminderMinutes, null,
        null);
    return Meeting.schedule(MeetingId.random(), new TenantId(UUID.randomUUID()), details, null, null, null, null, NOW);
  }

  static Meeting meetingAt(Instant start, ZoneId zone) {
    return meeting("Quarterly review", start, start.plusSeconds(3600), zone, 15);
  }

  static Calendar parse(String text) {
    try {
      return new CalendarBuilder().build(new StringReader(text));
    } catch (IOException | ParserException e) {
      throw new AssertionError("not parseable iCalendar:\n" + text, e);
    }
  }

  static VEvent onlyEvent(Calendar calendar) {
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    assertThat(events).hasSize(1);
    return events.getFirst();
  }

  static String value(PropertyContainer component, String property) {
    return component.getProperty(property).map(Property::getValue)
        .orElseThrow(() -> new AssertionError("no " + property + " in " + component));
  }

  static String parameter(Property property, String name) {
    return property.getParameter(name).map(Parameter::getValue)
        .orElseThrow(() -> new AssertionError("no " + name + " on " + property));
  }

  /** The instant a date-time property names, as a client reading this calendar (and its VTIMEZONEs) sees it. */
  static Instant instant(VEvent event, String property) {
    DateProperty<?> p = event.getRequiredProperty(property);
    return Instant.from((Temporal) p.getDate());
  }

  Entry entry(Meeting m) {
    return new Entry(m, ORGANIZER, "https://crm.example/meetings/" + m.id());
  }

  @Test
  void anInvitationSaysWhoWhatWhenAndAsksForAnAnswer() {
    Instant start = Instant.parse("2026-06-10T14:00:00Z");
    Meeting m = meeting("Quarterly review", start, start.plusSeconds(5400), NEW_YORK, 15);

    String text = files.write(Method.REQUEST, "", List.of(entry(m)));
    Calendar calendar = parse(text);

    assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
    assertThat(value(calendar, Property.PRODID)).isEqualTo(Ical4jCalendarFiles.PRODID);
    assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
    assertThat(calendar.getProperty("X-WR-CALNAME")).isEmpty();

    VEvent event = onlyEvent(calendar);
    assertThat(value(event, Property.UID)).isEqualTo(m.id().value() + "@orbitcrm");
    assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
    assertThat(value(event, Property.DTSTAMP)).isEqualTo("20260504T091530Z");
    assertThat(value(event, Property.SUMMARY)).isEqualTo("Quarterly review");
    assertThat(value(event, Property.DESCRIPTION)).isEqualTo(m.details().description());
    assertThat(value(event, Property.LOCATION)).isEqualTo("https://meet.example.com/abc-defg");
    assertThat(value(event, Property.URL)).isEqualTo("https://crm.example/meetings/" + m.id());
    assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");

    Property dtStart = event.getRequiredProperty(Property.DTSTART);
    assertThat(parameter(dtStart, Parameter.TZID)).isEqualTo("America/New_York");
    assertThat(dtStart.getValue()).isEqualTo("20260610T100000");
    assertThat(instant(event, Property.DTSTART)).isEqualTo(start);
    assertThat(instant(event, Property.DTEND)).isEqualTo(start.plusSeconds(5400));

    Property organizer = event.getRequiredProperty(Property.ORGANIZER);
    assertThat(organizer.getValue()).isEqualTo("mailto:olga@orbit.example");
    assertThat(parameter(organizer, Parameter.CN)).isEqualTo("Olga Organizer");

    Map<String, Property> attendees = event.getProperties(Property.ATTENDEE).stream()
        .collect(Collectors.toMap(Property::getValue, Function.identity()));
    assertThat(attendees).containsOnlyKeys("mailto:ann@client.example", "mailto:dan@client.example",
        "mailto:pat@client.example");
    assertThat(parameter(attendees.get("mailto:ann@client.example"), Parameter.PARTSTAT)).isEqualTo("ACCEPTED");
    assertThat(parameter(attendees.get("mailto:dan@client.example"), Parameter.PARTSTAT)).isEqualTo("DECLINED");
    assertThat(parameter(attendees.get("mailto:pat@client.example"), Parameter.PARTSTAT)).isEqualTo("NEEDS-ACTION");
    assertThat(parameter(attendees.get("mailto:dan@client.example"), Parameter.CN)).isEqualTo("Doe, Dan");
    assertThat(attendees.get("mailto:pat@client.example").getParameter(Parameter.CN)).isEmpty();
    assertThat(attendees.values()).allSatisfy(a -> assertThat(parameter(a, Parameter.RSVP)).isEqualTo("TRUE"));

    List<VAlarm> alarms = event.getAlarms();
    assertThat(alarms).hasSize(1);
    assertThat(value(alarms.getFirst(), Property.ACTION)).isEqualTo("DISPLAY");
    assertThat(value(alarms.getFirst(), Property.TRIGGER)).isEqualTo("-PT15M");

    List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
    assertThat(zones).hasSize(1);
    assertThat(value(zones.getFirst(), Property.TZID)).isEqualTo("America/New_York");
  }

  @Test
  void theTextIsFoldedWithCrlfAsRfc5545Says() {
    // Accented and Japanese text: 75 characters are far more than 75 octets.
    Meeting m = meeting("Revue trimestrielle — échéancier, crème brûlée et café; 四半期レビューと来年度の予算について話し合う",
        Instant.parse("2026-06-10T14:00:00Z"), Instant.parse("2026-06-10T15:00:00Z"), NEW_YORK, null);

    String text = files.write(Method.REQUEST, "", List.of(entry(m)));

    assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    assertThat(text.split("\r\n")).allSatisfy(line ->
        assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    assertThat(text).contains("\r\n ");
    assertThat(value(onlyEvent(parse(text)), Property.SUMMARY)).isEqualTo(m.details().title());
    assertThat(value(onlyEvent(parse(text)), Property.DESCRIPTION)).isEqualTo(m.details().description());
    assertThat(onlyEvent(parse(text)).getAlarms()).isEmpty();
  }

  @Test
  void foldingNeverSplitsACharacter() {
    String line = "SUMMARY:" + "a".repeat(64) + "€€€€" + "😀".repeat(30);

    String folded = Ical4jCalendarFiles.fold(line + "\r\n");

    assertThat(folded.split("\r\n")).allSatisfy(l ->
        assertThat(l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    // 72 octets and a three-octet € make exactly 75; the next € starts the second line.
    assertThat(folded.split("\r\n")[0]).isEqualTo("SUMMARY:" + "a".repeat(64) + "€");
    assertThat(folded.split("\r\n")[1]).startsWith(" €€€");
    assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
  }

  @Test
  void theUidStaysAndTheSequenceGrowsAcrossUpdatesAndTheCancellation() {
    Meeting m = meetingAt(Instant.parse("2026-06-10T14:00:00Z"), NEW_YORK);
    Meeting moved = m.move(Instant.parse("2026-06-11T14:00:00Z"), Instant.parse("2026-06-11T15:00:00Z"), NOW)
        .meeting();
    Meeting cancelled = moved.cancel(NOW);

    VEvent first = onlyEvent(parse(files.write(Method.REQUEST, "", List.of(entry(m)))));
    VEvent again = onlyEvent(parse(files.write(Method.REQUEST, "", List.of(entry(m)))));
    VEvent update = onlyEvent(parse(files.write(Method.REQUEST, "", List.of(entry(moved)))));
    Calendar cancellation = parse(files.write(Method.CANCEL, "", List.of(entry(cancelled))));
    VEvent cancel = onlyEvent(cancellation);

    assertThat(List.of(value(again, Property.UID), value(update, Property.UID), value(cancel, Property.UID)))
        .containsOnly(value(first, Property.UID));
    assertThat(value(first, Property.SEQUENCE)).isEqualTo("0");
    assertThat(value(update, Property.SEQUENCE)).isEqualTo("1");
    assertThat(value(cancel, Property.SEQUENCE)).isEqualTo("2");

    assertThat(value(cancellation, Property.METHOD)).isEqualTo("CANCEL");
    assertThat(value(cancel, Property.STATUS)).isEqualTo("CANCELLED");
    assertThat(cancel.<Property>getProperties(Property.ATTENDEE)).hasSize(3)
        .allSatisfy(a -> assertThat(a.getParameter(Parameter.RSVP)).isEmpty());
  }

  @Test
  void aCancelMethodCancelsEvenALiveMeeting() {
    Meeting live = meetingAt(Instant.parse("2026-06-10T14:00:00Z"), NEW_YORK);

    VEvent event = onlyEvent(parse(files.write(Method.CANCEL, "", List.of(entry(live)))));

    assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
  }

  @Test
  void aFeedIsNamedAndDefinesEachZoneItUsesOnce() {
    Meeting ny1 = meetingAt(Instant.parse("2026-06-10T14:00:00Z"), NEW_YORK);
    Meeting ny2 = meetingAt(Instant.parse("2026-12-10T14:00:00Z"), NEW_YORK);
    Meeting paris = meetingAt(Instant.parse("2026-06-12T08:00:00Z"), PARIS).cancel(NOW);
    Meeting utc = meetingAt(Instant.parse("2026-06-13T08:00:00Z"), ZoneId.of("UTC"));

    Calendar feed = parse(files.write(Method.PUBLISH, "Olga's meetings", List.of(
        new Entry(ny1, null, null), new Entry(ny2, null, null), new Entry(paris, null, null),
        new Entry(utc, null, null))));

    assertThat(value(feed, Property.METHOD)).isEqualTo("PUBLISH");
    assertThat(value(feed, "X-WR-CALNAME")).isEqualTo("Olga's meetings");
    List<VTimeZone> zones = feed.getComponents(Component.VTIMEZONE);
    assertThat(zones).map(z -> value(z, Property.TZID)).containsExactly("America/New_York", "Europe/Paris");

    Map<String, VEvent> events = feed.<VEvent>getComponents(Component.VEVENT).stream()
        .collect(Collectors.toMap(e -> value(e, Property.UID), Function.identity()));
    assertThat(events).hasSize(4);
    VEvent winter = events.get(Ical4jCalendarFiles.uid(ny2.id()));
    assertThat(winter.getRequiredProperty(Property.DTSTART).getValue()).isEqualTo("20261210T090000");
    assertThat(instant(winter, Property.DTSTART)).isEqualTo(ny2.details().start());
    assertThat(value(events.get(Ical4jCalendarFiles.uid(paris.id())), Property.STATUS)).isEqualTo("CANCELLED");
    assertThat(value(events.get(Ical4jCalendarFiles.uid(ny1.id())), Property.STATUS)).isEqualTo("CONFIRMED");
    assertThat(events.get(Ical4jCalendarFiles.uid(ny1.id())).getProperty(Property.ORGANIZER)).isEmpty();
    assertThat(events.get(Ical4jCalendarFiles.uid(ny1.id())).<Property>getProperties(Property.ATTENDEE))
        .allSatisfy(a -> assertThat(a.getParameter(Parameter.RSVP)).isEmpty());

    VEvent inUtc = events.get(Ical4jCalendarFiles.uid(utc.id()));
    Property utcStart = inUtc.getRequiredProperty(Property.DTSTART);
    assertThat(utcStart.getParameter(Parameter.TZID)).isEmpty();
    assertThat(utcStart.getValue()).isEqualTo("20260613T080000Z");
  }

  @Test
  void anInvitationWithoutANameIsNotAFeed() {
    Meeting m = meetingAt(Instant.parse("2026-06-10T14:00:00Z"), NEW_YORK);

    Calendar calendar = parse(files.write(Method.PUBLISH, "  ", List.of(entry(m))));

    assertThat(calendar.getProperty("X-WR-CALNAME")).isEmpty();
  }

  @Test
  void whenClocksGoBackBothOneThirtiesKeepTheirInstant() {
    // 2026-11-01 in New York: 01:30 EDT (05:30Z), then clocks go back and it is 01:30 EST (06:30Z).
    Instant firstOneThirty = Instant.parse("2026-11-01T05:30:00Z");
    Instant secondOneThirty = Instant.parse("2026-11-01T06:30:00Z");
    Meeting early = meeting("First", firstOneThirty, secondOneThirty, NEW_YORK, 10);
    Meeting late = meeting("Second", secondOneThirty, secondOneThirty.plusSeconds(1800), NEW_YORK, 10);

    Calendar calendar = parse(files.write(Method.REQUEST, "", List.of(entry(early), entry(late))));
    Map<String, VEvent> events = calendar.<VEvent>getComponents(Component.VEVENT).stream()
        .collect(Collectors.toMap(e -> value(e, Property.SUMMARY), Function.identity()));

    Property earlyStart = events.get("First").getRequiredProperty(Property.DTSTART);
    assertThat(parameter(earlyStart, Parameter.TZID)).isEqualTo("America/New_York");
    assertThat(earlyStart.getValue()).isEqualTo("20261101T013000");
    assertThat(instant(events.get("First"), Property.DTSTART)).isEqualTo(firstOneThirty);
    // The local 01:30 would be read as the first one (RFC 5545, 3.3.5), so the second is written in UTC.
    assertThat(instant(events.get("First"), Property.DTEND)).isEqualTo(secondOneThirty);
    assertThat(instant(events.get("Second"), Property.DTSTART)).isEqualTo(secondOneThirty);
    assertThat(instant(events.get("Second"), Property.DTEND)).isEqualTo(secondOneThirty.plusSeconds(1800));
    assertThat(events.get("Second").getRequiredProperty(Property.DTEND).getValue()).isEqualTo("20261101T020000");
  }

  @Test
  void whenClocksGoForwardTheTimesOnEitherSideKeepTheirInstant() {
    // 2026-03-08 in New York: 01:59 EST is followed by 03:00 EDT (02:xx does not exist).
    Instant beforeGap = Instant.parse("2026-03-08T06:30:00Z");
    Instant afterGap = Instant.parse("2026-03-08T07:30:00Z");
    Meeting m = meeting("Across the gap", beforeGap, afterGap, NEW_YORK, 30);

    VEvent event = onlyEvent(parse(files.write(Method.REQUEST, "", List.of(entry(m)))));

    assertThat(event.getRequiredProperty(Property.DTSTART).getValue()).isEqualTo("20260308T013000");
    assertThat(event.getRequiredProperty(Property.DTEND).getValue()).isEqualTo("20260308T033000");
    assertThat(instant(event, Property.DTSTART)).isEqualTo(beforeGap);
    assertThat(instant(event, Property.DTEND)).isEqualTo(afterGap);
    assertThat(value(event.getAlarms().getFirst(), Property.TRIGGER)).isEqualTo("-PT30M");
  }

  @Test
  void timeZonesComeFromTheJarNeverFromTheNetwork() {
    assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).contains("false");
    // A zone no other test loads, so that its definition is read during this test; any attempt to open a
    // connection (the TZURL refresh) asks the default ProxySelector first.
    var asked = new ArrayList<URI>();
    ProxySelector before = ProxySelector.getDefault();
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        asked.add(uri);
        return List.of(Proxy.NO_PROXY);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
      }
    });
    try {
      Meeting m = meetingAt(Instant.parse("2026-06-10T04:00:00Z"), ZoneId.of("Asia/Kathmandu"));
      VEvent event = onlyEvent(parse(files.write(Method.REQUEST, "", List.of(entry(m)))));

      assertThat(parameter(event.getRequiredProperty(Property.DTSTART), Parameter.TZID)).isEqualTo("Asia/Kathmandu");
      assertThat(instant(event, Property.DTSTART)).isEqualTo(m.details().start());
    } finally {
      ProxySelector.setDefault(before);
    }
    assertThat(asked).isEmpty();
  }

  @Test
  void anAliasIsWrittenAsTheZoneItStandsFor() {
    Meeting m = meetingAt(Instant.parse("2026-06-10T14:00:00Z"), ZoneId.of("US/Eastern"));

    Calendar calendar = parse(files.write(Method.REQUEST, "", List.of(entry(m))));
    VEvent event = onlyEvent(calendar);

    String tzid = parameter(event.getRequiredProperty(Property.DTSTART), Parameter.TZID);
    assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE)).map(z -> value(z, Property.TZID))
        .containsExactly(tzid);
    assertThat(instant(event, Property.DTSTART)).isEqualTo(m.details().start());
  }
}
