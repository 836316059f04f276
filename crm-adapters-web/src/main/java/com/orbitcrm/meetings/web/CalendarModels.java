package com.orbitcrm.meetings.web;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingCursor;
import com.orbitcrm.meetings.MeetingQuery;
import com.orbitcrm.meetings.app.MeetingService;
import com.orbitcrm.meetings.web.CalendarPeriod.View;
import com.orbitcrm.meetings.web.MeetingViews.Card;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.tenancy.app.ProfileService;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The calendar page's model: one range query for the period shown ({@link MeetingService#list}), the records
 * the meetings are about read for the whole list at once, then laid out in the viewer's zone — day columns
 * with lanes for the day and week views, whole weeks for the month, days with their meetings for the agenda.
 */
@Component
class CalendarModels {

  /** The most meetings a day, week or month view reads (the use case's limit). */
  static final int RANGE_LIMIT = MeetingQuery.MAX_LIMIT;
  /** Meetings per agenda page. */
  static final int AGENDA_PAGE = 40;
  /** Meetings a month cell lists before "+ n more". */
  static final int MONTH_CELL = 3;
  /** The shortest a block is drawn, in minutes, so that its title can be read. */
  static final int MIN_BLOCK = 20;

  private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
  private static final DateTimeFormatter LONG_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

  private final MeetingService meetings;
  private final MeetingViews views;
  private final MemberService members;
  private final ProfileService profile;
  private final Clock clock;

  CalendarModels(MeetingService meetings, MeetingViews views, MemberService members, ProfileService profile,
                 Clock clock) {
    this.meetings = meetings;
    this.views = views;
    this.members = members;
    this.profile = profile;
    this.clock = clock;
  }

  /** The calendar as the page draws it. */
  record Calendar(View view, String title, String zoneId, String zoneLabel, boolean mine, String self,
                  String todayUrl, String previousUrl, String nextUrl, String dateParam, List<Link> views,
                  Link everyone, Link onlyMine, List<Column> columns, List<Header> weekdays,
                  List<List<MonthDay>> weeks, List<AgendaDay> agenda, @Nullable String moreUrl, boolean truncated,
                  int count, boolean showsToday) {

    public String viewKey() {
      return view.key();
    }

    public boolean grid() {
      return view == View.DAY || view == View.WEEK;
    }
  }

  record Link(String label, String url, boolean active, String key) {}

  record Header(String label) {}

  /** A day of the day or week view, its meetings placed side by side where they overlap. */
  record Column(LocalDate date, String weekday, int dayNumber, String label, boolean today, boolean weekend,
                List<Block> blocks, @Nullable Integer nowMinute) {}

  /**
   * A meeting's part on one day, in wall-clock minutes.
   *
   * @param length drawn length (at least {@link #MIN_BLOCK}).
   */
  record Block(Card card, int top, int length, int lane, int lanes, boolean startsBefore, boolean endsAfter,
               boolean compact) {}

  record MonthDay(LocalDate date, int number, String label, boolean inMonth, boolean today, List<Card> items,
                  int more, String dayUrl) {}

  record AgendaDay(LocalDate date, String label, boolean today, List<Card> items) {}

  ZoneId zone() {
    return profile.zone();
  }

  Calendar calendar(View view, LocalDate anchor, boolean mine) {
    ZoneId zone = zone();
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    var period = CalendarPeriod.of(view, anchor, zone);
    MeetingQuery.Participant me = mine ? participant() : null;

    List<Column> columns = List.of();
    List<List<MonthDay>> weeks = List.of();
    List<AgendaDay> agenda = List.of();
    String more = null;
    boolean truncated = false;
    int count;
    if (view == View.AGENDA) {
      var page = meetings.list(new MeetingQuery(period.from(), null, null, null, null, null, me, null, AGENDA_PAGE));
      agenda = agenda(views.cards(page.items(), zone, now), zone, today, null);
      more = page.next() == null ? null : agendaMoreUrl(anchor, mine, page.next(), lastDay(page.items(), zone));
      count = page.items().size();
    } else {
      var page = meetings.list(MeetingQuery.range(period.from(), period.to(), RANGE_LIMIT).withParticipant(me));
      truncated = page.next() != null;
      List<Card> cards = views.cards(page.items(), zone, now);
      count = cards.size();
      if (view == View.MONTH) {
        weeks = month(period, cards, zone, today, mine);
      } else {
        columns = columns(period, cards, zone, today, now);
      }
    }
    List<Header> weekdays = view == View.MONTH
        ? period.weeks().getFirst().stream().map(d -> new Header(WEEKDAY.format(d))).toList() : List.of();
    return new Calendar(view, period.title(), zone.getId(), MeetingViews.zoneName(zone, now), mine,
        url(view, anchor, mine), url(view, today, mine), url(view, period.previous(), mine),
        url(view, period.next(), mine), anchor.toString(),
        List.of(View.DAY, View.WEEK, View.MONTH, View.AGENDA).stream()
            .map(v -> new Link(v.label(), url(v, anchor, mine), v == view, v.key())).toList(),
        new Link("Everyone", url(view, anchor, false), !mine, "everyone"),
        new Link("Mine", url(view, anchor, true), mine, "mine"),
        columns, weekdays, weeks, agenda, more, truncated, count,
        !today.isBefore(period.first()) && !today.isAfter(period.last()));
  }

  /** The agenda's next page: meetings after {@code cursor}; a day already headed is not headed again. */
  record AgendaPage(List<AgendaDay> days, @Nullable String moreUrl) {}

  AgendaPage agendaPage(LocalDate anchor, boolean mine, MeetingCursor cursor, @Nullable LocalDate lastDay) {
    ZoneId zone = zone();
    Instant now = clock.instant();
    var period = CalendarPeriod.of(View.AGENDA, anchor, zone);
    var page = meetings.list(new MeetingQuery(period.from(), null, null, null, null, null,
        mine ? participant() : null, cursor, AGENDA_PAGE));
    return new AgendaPage(agenda(views.cards(page.items(), zone, now), zone, LocalDate.ofInstant(now, zone), lastDay),
        page.next() == null ? null : agendaMoreUrl(anchor, mine, page.next(), lastDay(page.items(), zone)));
  }

  private MeetingQuery.Participant participant() {
    var me = members.member(TenantContext.require().requireUser());
    return new MeetingQuery.Participant(me.user(), me.email());
  }

  private List<Column> columns(CalendarPeriod period, List<Card> cards, ZoneId zone, LocalDate today, Instant now) {
    var columns = new ArrayList<Column>();
    for (LocalDate day : period.days()) {
      var segments = new ArrayList<Block>();
      for (Card c : cards) {
        CalendarPeriod.segment(c.start(), c.end(), day, zone).ifPresent(s -> {
          int length = Math.max(s.toMinute() - s.fromMinute(), MIN_BLOCK);
          int top = Math.min(s.fromMinute(), CalendarPeriod.MINUTES_PER_DAY - MIN_BLOCK);
          segments.add(new Block(c, top, length, 0, 1, s.startsBefore(), s.endsAfter(), length < 45));
        });
      }
      var placed = Lanes.layout(segments, Block::top, b -> b.top() + b.length());
      var blocks = placed.stream().map(p -> new Block(p.item().card(), p.item().top(), p.item().length(), p.lane(),
          p.lanes(), p.item().startsBefore(), p.item().endsAfter(), p.item().compact())).toList();
      boolean isToday = day.equals(today);
      columns.add(new Column(day, WEEKDAY.format(day), day.getDayOfMonth(), label(day, today), isToday,
          day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY, blocks,
          isToday ? CalendarPeriod.minuteOfDay(now.atZone(zone)) : null));
    }
    return columns;
  }

  private List<List<MonthDay>> month(CalendarPeriod period, List<Card> cards, ZoneId zone, LocalDate today,
                                     boolean mine) {
    var weeks = new ArrayList<List<MonthDay>>();
    for (List<LocalDate> week : period.weeks()) {
      var row = new ArrayList<MonthDay>();
      for (LocalDate day : week) {
        var items = cards.stream().filter(c -> CalendarPeriod.segment(c.start(), c.end(), day, zone).isPresent())
            .toList();
        row.add(new MonthDay(day, day.getDayOfMonth(), label(day, today), period.inMonth(day), day.equals(today),
            items.subList(0, Math.min(MONTH_CELL, items.size())), Math.max(0, items.size() - MONTH_CELL),
            url(View.DAY, day, mine)));
      }
      weeks.add(row);
    }
    return weeks;
  }

  /** Meetings by the day they start on (one that began before the agenda's first day: under that day). */
  private static List<AgendaDay> agenda(List<Card> cards, ZoneId zone, LocalDate today, @Nullable LocalDate headed) {
    var byDay = new LinkedHashMap<LocalDate, List<Card>>();
    for (Card c : cards) {
      byDay.computeIfAbsent(LocalDate.ofInstant(c.start(), zone), d -> new ArrayList<>()).add(c);
    }
    var days = new ArrayList<AgendaDay>();
    byDay.forEach((day, items) -> days.add(new AgendaDay(day, day.equals(headed) ? "" : label(day, today),
        day.equals(today), items)));
    return days;
  }

  private static @Nullable LocalDate lastDay(List<Meeting> items, ZoneId zone) {
    return items.isEmpty() ? null : LocalDate.ofInstant(items.getLast().details().start(), zone);
  }

  /** "Today, Tuesday 1 December", "Wednesday 2 December", "Friday 1 January 2027". */
  static String label(LocalDate day, LocalDate today) {
    String text = (day.getYear() == today.getYear() ? LONG : LONG_YEAR).format(day);
    if (day.equals(today)) {
      return "Today, " + text;
    }
    if (day.equals(today.plusDays(1))) {
      return "Tomorrow, " + text;
    }
    return text;
  }

  static String url(View view, LocalDate date, boolean mine) {
    var b = UriComponentsBuilder.fromPath("/meetings").queryParam("view", view.key()).queryParam("date", date);
    if (mine) {
      b.queryParam("mine", true);
    }
    return b.build().toUriString();
  }

  private static String agendaMoreUrl(LocalDate anchor, boolean mine, MeetingCursor next, @Nullable LocalDate lastDay) {
    var b = UriComponentsBuilder.fromPath("/meetings/agenda").queryParam("date", anchor)
        .queryParam("cursor", next.encode());
    if (mine) {
      b.queryParam("mine", true);
    }
    if (lastDay != null) {
      b.queryParam("after", lastDay);
    }
    return b.build().toUriString();
  }
}
