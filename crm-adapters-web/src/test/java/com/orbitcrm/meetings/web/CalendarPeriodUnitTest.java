package com.orbitcrm.meetings.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.meetings.web.CalendarPeriod.Segment;
import com.orbitcrm.meetings.web.CalendarPeriod.View;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CalendarPeriodUnitTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId UTC = ZoneId.of("UTC");

  private static Instant at(String local, ZoneId zone) {
    return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  @Test
  void aWeekRunsFromMondayToSunday() {
    var week = CalendarPeriod.of(View.WEEK, LocalDate.parse("2026-12-03"), UTC); // a Thursday
    assertThat(week.first()).isEqualTo("2026-11-30");
    assertThat(week.last()).isEqualTo("2026-12-06");
    assertThat(week.days()).hasSize(7);
    assertThat(week.from()).isEqualTo("2026-11-30T00:00:00Z");
    assertThat(week.to()).isEqualTo("2026-12-07T00:00:00Z");
    assertThat(CalendarPeriod.weekStart(LocalDate.parse("2026-11-30"))).isEqualTo("2026-11-30");
    assertThat(CalendarPeriod.weekStart(LocalDate.parse("2026-12-06"))).isEqualTo("2026-11-30");
    assertThat(week.title()).isEqualTo("30 Nov – 6 Dec 2026");
    assertThat(week.previous()).isEqualTo("2026-11-26");
    assertThat(week.next()).isEqualTo("2026-12-10");
  }

  @Test
  void aWeekAcrossTheNewYearNamesBothYears() {
    var week = CalendarPeriod.of(View.WEEK, LocalDate.parse("2026-01-01"), UTC);
    assertThat(week.first()).isEqualTo("2025-12-29");
    assertThat(week.title()).isEqualTo("29 Dec 2025 – 4 Jan 2026");
  }

  @Test
  void theDaysOfAWeekAreTheViewersDays() {
    var week = CalendarPeriod.of(View.WEEK, LocalDate.parse("2026-12-03"), NEW_YORK);
    assertThat(week.from()).isEqualTo("2026-11-30T05:00:00Z");
    assertThat(week.to()).isEqualTo("2026-12-07T05:00:00Z");
  }

  @Test
  void aWeekWithAChangeOfDaylightSavingTimeIsAnHourShorterOrLonger() {
    // Berlin springs forward on Sunday 29 March 2026 and falls back on Sunday 25 October 2026.
    var spring = CalendarPeriod.of(View.WEEK, LocalDate.parse("2026-03-26"), BERLIN);
    assertThat(spring.from()).isEqualTo("2026-03-22T23:00:00Z");
    assertThat(spring.to()).isEqualTo("2026-03-29T22:00:00Z");
    assertThat(Duration.between(spring.from(), spring.to())).isEqualTo(Duration.ofHours(167));
    var autumn = CalendarPeriod.of(View.WEEK, LocalDate.parse("2026-10-25"), BERLIN);
    assertThat(Duration.between(autumn.from(), autumn.to())).isEqualTo(Duration.ofHours(169));
    // New York's changes fall in other weeks (8 March, 1 November 2026).
    var ny = CalendarPeriod.of(View.WEEK, LocalDate.parse("2026-03-08"), NEW_YORK);
    assertThat(ny.first()).isEqualTo("2026-03-02");
    assertThat(Duration.between(ny.from(), ny.to())).isEqualTo(Duration.ofHours(167));
  }

  @Test
  void aMeetingIsDrawnAtItsWallClockTimeOnTheDayOfAChange() {
    LocalDate day = LocalDate.parse("2026-03-29");
    // 09:00–10:00 Berlin summer time is still 540–600 although the day had 23 hours.
    assertThat(CalendarPeriod.segment(at("2026-03-29T09:00", BERLIN), at("2026-03-29T10:00", BERLIN), day, BERLIN))
        .contains(new Segment(540, 600, false, false));
    // 01:30 to 03:30 crosses the gap: an hour long, drawn from 01:30 to 03:30.
    assertThat(CalendarPeriod.segment(at("2026-03-29T01:30", BERLIN), at("2026-03-29T03:30", BERLIN), day, BERLIN))
        .contains(new Segment(90, 210, false, false));
    // A slot in the gap (02:30 does not exist) moves on by the gap.
    assertThat(CalendarPeriod.at(day, 150, BERLIN)).isEqualTo(at("2026-03-29T03:30", BERLIN));
    // The repeated hour of the autumn change is read as the earlier one.
    assertThat(CalendarPeriod.at(LocalDate.parse("2026-10-25"), 150, BERLIN))
        .isEqualTo(ZonedDateTime.parse("2026-10-25T02:30+02:00[Europe/Berlin]").toInstant());
  }

  @Test
  void aMeetingOverMidnightIsCutIntoTheDaysItCovers() {
    Instant start = at("2026-12-01T22:00", UTC);
    Instant end = at("2026-12-02T01:30", UTC);
    assertThat(CalendarPeriod.segment(start, end, LocalDate.parse("2026-12-01"), UTC))
        .contains(new Segment(22 * 60, 1440, false, true));
    assertThat(CalendarPeriod.segment(start, end, LocalDate.parse("2026-12-02"), UTC))
        .contains(new Segment(0, 90, true, false));
    assertThat(CalendarPeriod.segment(start, end, LocalDate.parse("2026-12-03"), UTC)).isEmpty();
    // Ending at midnight: nothing on the next day.
    assertThat(CalendarPeriod.segment(start, at("2026-12-02T00:00", UTC), LocalDate.parse("2026-12-02"), UTC)).isEmpty();
  }

  @Test
  void theMonthGridIsTheWholeWeeksThatHoldTheMonth() {
    var december = CalendarPeriod.of(View.MONTH, LocalDate.parse("2026-12-17"), UTC);
    assertThat(december.first()).isEqualTo("2026-11-30");
    assertThat(december.last()).isEqualTo("2027-01-03");
    assertThat(december.weeks()).hasSize(5).allSatisfy(w -> assertThat(w).hasSize(7));
    assertThat(december.inMonth(LocalDate.parse("2026-11-30"))).isFalse();
    assertThat(december.inMonth(LocalDate.parse("2026-12-31"))).isTrue();
    assertThat(december.title()).isEqualTo("December 2026");
    assertThat(december.next()).isEqualTo("2027-01-01");
    assertThat(december.previous()).isEqualTo("2026-11-01");
    // February 2021 starts on a Monday and has 28 days: exactly four weeks.
    assertThat(CalendarPeriod.of(View.MONTH, LocalDate.parse("2021-02-10"), UTC).weeks()).hasSize(4);
    // August 2026 starts on a Saturday and ends on a Monday: six weeks.
    assertThat(CalendarPeriod.of(View.MONTH, LocalDate.parse("2026-08-10"), UTC).weeks()).hasSize(6);
  }

  @Test
  void theMonthOfAChangeOfDaylightSavingTimeSpansItsRealInstants() {
    var march = CalendarPeriod.of(View.MONTH, LocalDate.parse("2026-03-01"), BERLIN);
    assertThat(march.first()).isEqualTo("2026-02-23");
    assertThat(march.from()).isEqualTo("2026-02-22T23:00:00Z");
    assertThat(march.to()).isEqualTo("2026-04-05T22:00:00Z");
  }

  @Test
  void theDayAndTheAgenda() {
    var day = CalendarPeriod.of(View.DAY, LocalDate.parse("2026-12-01"), UTC);
    assertThat(day.days()).containsExactly(LocalDate.parse("2026-12-01"));
    assertThat(day.title()).isEqualTo("Tuesday, 1 December 2026");
    assertThat(day.next()).isEqualTo("2026-12-02");
    var agenda = CalendarPeriod.of(View.AGENDA, LocalDate.parse("2026-12-01"), UTC);
    assertThat(agenda.from()).isEqualTo("2026-12-01T00:00:00Z");
    assertThat(agenda.to()).isNull();
    assertThat(agenda.title()).isEqualTo("From 1 Dec 2026");
  }

  @Test
  void anUnknownViewIsTheWeek() {
    assertThat(View.of("year")).isEqualTo(View.WEEK);
    assertThat(View.of(null)).isEqualTo(View.WEEK);
    assertThat(View.of("month")).isEqualTo(View.MONTH);
  }
}
