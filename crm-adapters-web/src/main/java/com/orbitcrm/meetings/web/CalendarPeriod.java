package com.orbitcrm.meetings.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the calendar shows: a day, a week (Monday to Sunday), a month (the whole weeks that hold it) or the
 * agenda (from a day on), as days of the viewer's zone, and the instants those days span. A day starts at
 * its first instant in the zone ({@link LocalDate#atStartOfDay(ZoneId)}), so a week with a change of
 * daylight saving time lasts 167 or 169 hours, and a meeting is drawn at its wall-clock time.
 *
 * @param anchor the day asked for (kept when switching views).
 * @param first the first day shown.
 * @param last the last day shown (included); the agenda's first week, for its title.
 */
record CalendarPeriod(View view, LocalDate anchor, LocalDate first, LocalDate last, ZoneId zone) {

  static final DayOfWeek WEEK_START = DayOfWeek.MONDAY;
  static final int MINUTES_PER_DAY = 24 * 60;

  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);

  /** The calendar's views; {@code key} is the {@code view} parameter. */
  enum View {
    DAY("Day"), WEEK("Week"), MONTH("Month"), AGENDA("Agenda");

    private final String label;

    View(String label) {
      this.label = label;
    }

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    String label() {
      return label;
    }

    /** The view a parameter names; the week for anything else. */
    static View of(@Nullable String key) {
      for (View v : values()) {
        if (v.key().equals(key)) {
          return v;
        }
      }
      return WEEK;
    }
  }

  static CalendarPeriod of(View view, LocalDate anchor, ZoneId zone) {
    return switch (view) {
      case DAY -> new CalendarPeriod(view, anchor, anchor, anchor, zone);
      case WEEK -> new CalendarPeriod(view, anchor, weekStart(anchor), weekStart(anchor).plusDays(6), zone);
      case MONTH -> {
        YearMonth month = YearMonth.from(anchor);
        yield new CalendarPeriod(view, anchor, weekStart(month.atDay(1)), weekStart(month.atEndOfMonth()).plusDays(6),
            zone);
      }
      case AGENDA -> new CalendarPeriod(view, anchor, anchor, anchor.plusDays(6), zone);
    };
  }

  /** The Monday on or before {@code day}. */
  static LocalDate weekStart(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(WEEK_START));
  }

  /** The first instant shown. */
  Instant from() {
    return first.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the days shown; {@literal null} for the agenda, which runs on. */
  @Nullable Instant to() {
    return view == View.AGENDA ? null : last.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** Every day shown, in order (the agenda: its first week). */
  List<LocalDate> days() {
    return first.datesUntil(last.plusDays(1)).toList();
  }

  /** The month view's rows: whole weeks, four to six of them. */
  List<List<LocalDate>> weeks() {
    List<LocalDate> days = days();
    var weeks = new ArrayList<List<LocalDate>>();
    for (int i = 0; i < days.size(); i += 7) {
      weeks.add(days.subList(i, Math.min(i + 7, days.size())));
    }
    return weeks;
  }

  /** The day the previous button goes to: a day, a week or a month back (the agenda: a week). */
  LocalDate previous() {
    return switch (view) {
      case DAY -> anchor.minusDays(1);
      case WEEK, AGENDA -> anchor.minusWeeks(1);
      case MONTH -> anchor.minusMonths(1).withDayOfMonth(1);
    };
  }

  LocalDate next() {
    return switch (view) {
      case DAY -> anchor.plusDays(1);
      case WEEK, AGENDA -> anchor.plusWeeks(1);
      case MONTH -> anchor.plusMonths(1).withDayOfMonth(1);
    };
  }

  /** Whether {@code day} is in the month the month view shows (the others are dimmed). */
  boolean inMonth(LocalDate day) {
    return YearMonth.from(day).equals(YearMonth.from(anchor));
  }

  /** "December 2026", "30 Nov – 6 Dec 2026", "29 Dec 2025 – 4 Jan 2026", "Tuesday, 1 December 2026". */
  String title() {
    return switch (view) {
      case DAY -> LONG_DAY.format(anchor);
      case MONTH -> MONTH_YEAR.format(anchor);
      case WEEK -> first.getYear() == last.getYear()
          ? DAY_MONTH.format(first) + " – " + DAY_MONTH_YEAR.format(last)
          : DAY_MONTH_YEAR.format(first) + " – " + DAY_MONTH_YEAR.format(last);
      case AGENDA -> "From " + DAY_MONTH_YEAR.format(anchor);
    };
  }

  /**
   * The part of {@code [start, end)} that falls on {@code day}, as wall-clock minutes of that day in
   * {@code zone}: 0 to 1440.
   *
   * @param startsBefore whether the meeting began on an earlier day.
   * @param endsAfter whether it goes on after this day.
   */
  record Segment(int fromMinute, int toMinute, boolean startsBefore, boolean endsAfter) {}

  static Optional<Segment> segment(Instant start, Instant end, LocalDate day, ZoneId zone) {
    Instant dayStart = day.atStartOfDay(zone).toInstant();
    Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
    if (!end.isAfter(dayStart) || !start.isBefore(dayEnd)) {
      return Optional.empty();
    }
    boolean before = start.isBefore(dayStart);
    boolean after = end.isAfter(dayEnd);
    int from = before ? 0 : minuteOfDay(start.atZone(zone));
    int to = !end.isBefore(dayEnd) ? MINUTES_PER_DAY : minuteOfDay(end.atZone(zone));
    return Optional.of(new Segment(from, Math.max(from, to), before, after));
  }

  /** The wall-clock minute of the day: 9:30 is 570 (also on a day that began at 01:00 or had 25 hours). */
  static int minuteOfDay(ZonedDateTime at) {
    return at.getHour() * 60 + at.getMinute();
  }

  /**
   * The instant a wall-clock time of a day names in {@code zone} (a slot clicked, a drop); in a
   * spring-forward gap it moves on by the gap, in the repeated hour of a fall-back it is the earlier one.
   */
  static Instant at(LocalDate day, int minute, ZoneId zone) {
    int m = Math.clamp(minute, 0, MINUTES_PER_DAY - 1);
    return ZonedDateTime.of(day, LocalTime.of(m / 60, m % 60), zone).toInstant();
  }
}
