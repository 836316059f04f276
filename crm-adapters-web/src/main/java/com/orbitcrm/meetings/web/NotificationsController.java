package com.orbitcrm.meetings.web;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.app.MeetingReminders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The bell in the top bar: the meetings the signed-in member was reminded of (as organizer or attendee),
 * latest first, and how many reminders came in the last 24 hours. Reminders show here with or without a
 * mail server. Loaded after the page (the frame belongs to no module), and again when meetings change.
 */
@Controller
class NotificationsController {

  static final int SHOWN = 20;
  static final Duration RECENT = Duration.ofHours(24);

  private final MeetingReminders reminders;
  private final MeetingViews views;
  private final CalendarModels calendars;
  private final Clock clock;

  NotificationsController(MeetingReminders reminders, MeetingViews views, CalendarModels calendars, Clock clock) {
    this.reminders = reminders;
    this.views = views;
    this.calendars = calendars;
    this.clock = clock;
  }

  /** A reminder: the meeting, when it went out ("12 min ago"), and whether it is new (the last 24 hours). */
  record Notification(MeetingViews.Card card, String ago, boolean recent) {}

  @GetMapping("/meetings/notifications")
  String bell(Model model) {
    Instant now = clock.instant();
    List<Meeting> reminded = reminders.notifications(SHOWN);
    var cards = views.cards(reminded, calendars.zone(), now);
    var items = new java.util.ArrayList<Notification>();
    for (int i = 0; i < reminded.size(); i++) {
      Instant at = reminded.get(i).remindedAt();
      boolean recent = at != null && Duration.between(at, now).compareTo(RECENT) < 0;
      items.add(new Notification(cards.get(i), at == null ? "" : ago(Duration.between(at, now)), recent));
    }
    model.addAttribute("notifications", items);
    model.addAttribute("recentCount", items.stream().filter(Notification::recent).count());
    return "meetings/notifications :: bell";
  }

  /** "just now", "12 min ago", "3 h ago", "2 days ago". */
  static String ago(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    if (minutes < 1) {
      return "just now";
    }
    if (minutes < 60) {
      return minutes + " min ago";
    }
    if (minutes < 48 * 60) {
      return minutes / 60 + " h ago";
    }
    return minutes / (24 * 60) + " days ago";
  }
}
