package com.orbitcrm.meetings.web;

import com.orbitcrm.meetings.app.MeetingService;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.platform.Records;
import com.orbitcrm.platform.web.EntitySection;
import com.orbitcrm.platform.web.RecordLookup;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Meetings section of the client page and the deal modal: the record's upcoming and past meetings, a
 * "Schedule meeting" prefilled with the record (and its contact), and "Complete" on past meetings nobody
 * wrapped up. It reloads itself when meetings change. In the deal modal its forms open in the second modal
 * host ({@code #modal-2}), over the deal.
 */
@Controller
class MeetingSections implements EntitySection {

  static final String TEMPLATE = "meetings/sections";
  static final String FRAGMENT = "meetings";
  /** Upcoming and past meetings shown, each. */
  static final int SHOWN = 5;

  private final MeetingService meetings;
  private final MeetingViews views;
  private final CalendarModels calendars;
  private final Records records;
  private final List<RecordLookup> lookups;
  private final Clock clock;

  MeetingSections(MeetingService meetings, MeetingViews views, CalendarModels calendars, Records records,
                  List<RecordLookup> lookups, Clock clock) {
    this.meetings = meetings;
    this.views = views;
    this.calendars = calendars;
    this.records = records;
    this.lookups = lookups;
    this.clock = clock;
  }

  /** What the section shows for one record. */
  record Section(String type, String id, String key, String url, String scheduleUrl, String host,
                 List<MeetingViews.Card> upcoming, List<MeetingViews.Card> past, String calendarUrl) {

    public boolean empty() {
      return upcoming.isEmpty() && past.isEmpty();
    }
  }

  @Override
  public boolean appliesTo(RecordType type) {
    return lookups.stream().anyMatch(l -> l.type().equals(type));
  }

  @Override
  public int order() {
    return 15;
  }

  @Override
  public String template() {
    return TEMPLATE;
  }

  @Override
  public String fragment() {
    return FRAGMENT;
  }

  @Override
  public void populate(RecordRef record, Model model) {
    var of = meetings.of(record, SHOWN);
    var zone = calendars.zone();
    var now = clock.instant();
    String type = record.type().key();
    String key = type + "-" + record.id();
    model.addAttribute("meetingsSection", new Section(type, record.id().toString(), key,
        "/meetings/of/" + type + "/" + record.id(), "/meetings/new?about=" + type + ":" + record.id(),
        type.equals(MeetingViews.DEAL.key()) ? "#modal-2" : "#modal",
        views.cards(of.upcoming(), zone, now), views.cards(of.past(), zone, now), "/meetings"));
  }

  @GetMapping("/meetings/of/{type}/{id}")
  String section(@PathVariable String type, @PathVariable String id, Model model) {
    RecordRef record = records.parsePath(type, id);
    if (!appliesTo(record.type())) {
      throw new com.orbitcrm.platform.NotFoundException("Record");
    }
    populate(record, model);
    return TEMPLATE + " :: " + FRAGMENT;
  }
}
