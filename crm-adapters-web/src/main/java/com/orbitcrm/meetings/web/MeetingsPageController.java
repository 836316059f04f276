package com.orbitcrm.meetings.web;

import com.orbitcrm.meetings.MeetingCursor;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.app.MeetingService;
import com.orbitcrm.meetings.web.CalendarPeriod.View;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.Requests;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The meetings calendar: day, week, month and agenda views in the viewer's zone, everyone's meetings or the
 * viewer's own; previous / today / next swap the calendar in place (and keep the address). It reloads itself
 * when a meeting changes ({@code meetingsChanged}). {@code ?meeting=<id>} — the link in e-mails — opens the
 * week of that meeting with its detail.
 */
@Controller
class MeetingsPageController {

  private final CalendarModels calendars;
  private final MeetingService meetings;
  private final Clock clock;

  MeetingsPageController(CalendarModels calendars, MeetingService meetings, Clock clock) {
    this.calendars = calendars;
    this.meetings = meetings;
    this.clock = clock;
  }

  @GetMapping("/meetings")
  String meetings(@RequestParam(required = false) @Nullable String view,
                  @RequestParam(required = false) @Nullable String date,
                  @RequestParam(defaultValue = "false") boolean mine,
                  @RequestParam(required = false) @Nullable String meeting, Model model) {
    LocalDate day = day(date);
    if (meeting != null && !meeting.isBlank()) {
      try {
        var found = meetings.get(new MeetingId(Requests.id(meeting, "Meeting")));
        if (date == null) {
          day = LocalDate.ofInstant(found.details().start(), calendars.zone());
        }
        model.addAttribute("openMeeting", found.id().toString());
      } catch (NotFoundException e) {
        model.addAttribute(Flash.ATTRIBUTE, Flash.info("That meeting no longer exists: it was deleted."));
      }
    }
    model.addAttribute("cal", calendars.calendar(View.of(view), day, mine));
    return "meetings/calendar";
  }

  /** Another view, period or filter, or a reload after a change: the calendar alone. */
  @HxRequest(target = "calendar")
  @GetMapping("/meetings")
  String calendar(@RequestParam(required = false) @Nullable String view,
                  @RequestParam(required = false) @Nullable String date,
                  @RequestParam(defaultValue = "false") boolean mine, Model model) {
    model.addAttribute("cal", calendars.calendar(View.of(view), day(date), mine));
    return "meetings/calendar :: calendar";
  }

  /** The agenda's next page ("Show later meetings"). */
  @GetMapping("/meetings/agenda")
  String agenda(@RequestParam(required = false) @Nullable String date, @RequestParam(defaultValue = "false") boolean mine,
                @RequestParam String cursor, @RequestParam(required = false) @Nullable String after, Model model) {
    MeetingCursor at = MeetingCursor.decode(cursor).orElseThrow(() ->
        InvalidInputException.of("cursor", "is not a place in this agenda"));
    LocalDate headed = after == null ? null : parse(after);
    var page = calendars.agendaPage(day(date), mine, at, headed);
    model.addAttribute("agendaDays", page.days());
    model.addAttribute("moreUrl", page.moreUrl());
    return "meetings/calendar :: agenda-page";
  }

  private LocalDate day(@Nullable String raw) {
    LocalDate parsed = raw == null ? null : parse(raw);
    return parsed != null ? parsed : LocalDate.ofInstant(clock.instant(), calendars.zone());
  }

  private static @Nullable LocalDate parse(String raw) {
    try {
      LocalDate d = LocalDate.parse(raw.strip());
      return d.getYear() < 1900 || d.getYear() > 2999 ? null : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
