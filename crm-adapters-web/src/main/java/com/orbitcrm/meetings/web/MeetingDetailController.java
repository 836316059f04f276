package com.orbitcrm.meetings.web;

import static com.orbitcrm.platform.web.Requests.blank;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.app.MeetingService;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.platform.web.HxTrigger;
import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.app.MemberService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A meeting's detail (a modal over any page) and what can be done to it there: reschedule (the keyboard's
 * way to move it), complete with notes and an outcome, cancel, delete, and answer one's own invitation.
 * Also the calendar's move (a drag, or Alt + arrow keys). Every change tells the page
 * {@code meetingsChanged}, so the calendar and the record sections reload themselves.
 */
@Controller
class MeetingDetailController {

  static final String CHANGED = "meetingsChanged";

  private final MeetingService meetings;
  private final MeetingPanel panel;
  private final CalendarModels calendars;
  private final MemberService members;

  MeetingDetailController(MeetingService meetings, MeetingPanel panel, CalendarModels calendars, MemberService members) {
    this.meetings = meetings;
    this.panel = panel;
    this.calendars = calendars;
    this.members = members;
  }

  /** Opened as a page (a timeline link): the calendar with the detail over it. */
  @GetMapping("/meetings/{id}")
  String page(@PathVariable String id) {
    return "redirect:/meetings?meeting=" + Requests.id(id, "Meeting");
  }

  @HxRequest
  @GetMapping("/meetings/{id}")
  String modal(@PathVariable String id, @RequestParam(defaultValue = "false") boolean complete, Model model) {
    boolean completing = complete && TenantContext.require().role().canWrite();
    render(model, meetings.get(id(id)), completing ? "complete" : "");
    return "meetings/detail :: modal";
  }

  /** The detail with one of its forms open ({@code reschedule}, {@code complete}) or none. */
  @GetMapping("/meetings/{id}/panel")
  String panel(@PathVariable String id, @RequestParam(defaultValue = "") String mode, Model model) {
    if (!mode.isEmpty()) {
      TenantContext.requireWriter();
    }
    return render(model, meetings.get(id(id)), mode);
  }

  @PostMapping("/meetings/{id}/reschedule")
  String reschedule(@PathVariable String id, @RequestParam(required = false) @Nullable String date,
                    @RequestParam(required = false) @Nullable String time,
                    @RequestParam(required = false) @Nullable String duration,
                    @RequestParam(required = false) @Nullable String version, Model model, HtmxResponse htmx,
                    HttpServletResponse response) {
    MeetingId meetingId = id(id);
    Meeting current = meetings.get(meetingId);
    var typed = new LinkedHashMap<String, String>();
    typed.put("date", Objects.requireNonNullElse(date, ""));
    typed.put("time", Objects.requireNonNullElse(time, ""));
    typed.put("duration", Objects.requireNonNullElse(duration, ""));
    ZoneId zone = current.details().zone();
    Instant start = null;
    try {
      if (blank(date) != null && blank(time) != null) {
        start = LocalDate.parse(date.strip()).atTime(LocalTime.parse(time.strip())).atZone(zone).toInstant();
      }
    } catch (DateTimeException e) {
      start = null;
    }
    Integer minutes = MeetingForm.minutes(duration);
    if (start == null || minutes == null) {
      response.setStatus(422);
      var errors = new LinkedHashMap<String, String>();
      if (start == null) {
        errors.put("start", "Choose a day and a time.");
      }
      if (minutes == null) {
        errors.put("duration", "Choose how long it lasts.");
      }
      return render(model, current, "reschedule", typed, errors, null);
    }
    try {
      Meeting moved = meetings.move(meetingId, start, start.plusSeconds(60L * minutes), Requests.version(version));
      HxTrigger.afterSettle(htmx, CHANGED, moved.details().title() + " was rescheduled.");
      model.addAttribute("notice", "Rescheduled: attendees get the new time.");
      return render(model, moved, "");
    } catch (InvalidInputException e) {
      response.setStatus(422);
      var errors = new LinkedHashMap<String, String>();
      FormErrors.of(e).forEach((field, message) -> errors.putIfAbsent(switch (field) {
        case "endTime" -> "duration";
        default -> "start";
      }, message));
      return render(model, current, "reschedule", typed, errors, null);
    } catch (ConflictException e) {
      response.setStatus(409);
      HxTrigger.afterSettle(htmx, CHANGED, null);
      return render(model, meetings.get(meetingId), "reschedule", typed, Map.of(), e.getMessage());
    }
  }

  @PostMapping("/meetings/{id}/complete")
  String complete(@PathVariable String id, @RequestParam(required = false) @Nullable String notes,
                  @RequestParam(required = false) @Nullable String outcome, Model model, HtmxResponse htmx,
                  HttpServletResponse response) {
    MeetingId meetingId = id(id);
    try {
      Meeting done = meetings.complete(meetingId, notes, outcome);
      HxTrigger.afterSettle(htmx, CHANGED, done.details().title() + " was marked completed.");
      return render(model, done, "");
    } catch (InvalidInputException e) {
      response.setStatus(422);
      var typed = new LinkedHashMap<String, String>();
      typed.put("notes", Objects.requireNonNullElse(notes, ""));
      typed.put("outcome", Objects.requireNonNullElse(outcome, ""));
      return render(model, meetings.get(meetingId), "complete", typed, FormErrors.of(e), null);
    } catch (ConflictException e) {
      response.setStatus(409);
      return render(model, meetings.get(meetingId), "", Map.of(), Map.of(), e.getMessage());
    }
  }

  @PostMapping("/meetings/{id}/cancel")
  String cancel(@PathVariable String id, Model model, HtmxResponse htmx, HttpServletResponse response) {
    MeetingId meetingId = id(id);
    try {
      Meeting cancelled = meetings.cancel(meetingId);
      HxTrigger.afterSettle(htmx, CHANGED, cancelled.details().title() + " was cancelled.");
      model.addAttribute("notice", cancelled.details().attendees().isEmpty() ? "Cancelled."
          : "Cancelled: the attendees are told.");
      return render(model, cancelled, "");
    } catch (ConflictException e) {
      response.setStatus(409);
      return render(model, meetings.get(meetingId), "", Map.of(), Map.of(), e.getMessage());
    }
  }

  @PostMapping("/meetings/{id}/delete")
  String delete(@PathVariable String id, HtmxResponse htmx) {
    Meeting deleted = meetings.delete(id(id));
    HxTrigger.afterSettle(htmx, CHANGED, deleted.details().title() + " was deleted.");
    return "meetings/form :: closed";
  }

  /** The signed-in member's own answer (Accept / Decline in the detail). */
  @PostMapping("/meetings/{id}/answer")
  String answer(@PathVariable String id, @RequestParam(defaultValue = "") String status, Model model,
                HtmxResponse htmx, HttpServletResponse response) {
    MeetingId meetingId = id(id);
    var me = members.member(TenantContext.require().requireUser());
    try {
      Meeting answered = meetings.answer(meetingId, me.email().value(), status);
      HxTrigger.afterSettle(htmx, CHANGED, null);
      return render(model, answered, "");
    } catch (ConflictException | InvalidInputException | ForbiddenException e) {
      response.setStatus(e instanceof ConflictException ? 409 : 422);
      return render(model, meetings.get(meetingId), "", Map.of(), Map.of(), e.getMessage());
    }
  }

  /**
   * The calendar's move: to a day and a wall-clock minute of the viewer's zone (a drop), or by some days and
   * minutes (Alt + arrow keys); it keeps its length. A stale version is a 409 whose text the page shows.
   */
  @PostMapping(value = "/meetings/{id}/move", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> move(@PathVariable String id, @RequestParam(required = false) @Nullable String day,
                              @RequestParam(required = false) @Nullable Integer minute,
                              @RequestParam(defaultValue = "0") int days, @RequestParam(defaultValue = "0") int minutes,
                              @RequestParam(required = false) @Nullable String version, HtmxResponse htmx) {
    MeetingId meetingId = id(id);
    try {
      Meeting current = meetings.get(meetingId);
      ZoneId zone = calendars.zone();
      Instant start;
      if (day != null && minute != null) {
        start = CalendarPeriod.at(LocalDate.parse(day), minute, zone);
      } else {
        start = current.details().start().atZone(zone).plusDays(days).plusMinutes(minutes).toInstant();
      }
      Instant end = start.plus(current.details().duration());
      Meeting moved = meetings.move(meetingId, start, end, Requests.version(version));
      HxTrigger.afterSettle(htmx, CHANGED, moved.details().title() + " moved to "
          + MeetingViews.span(moved.details().start(), moved.details().end(), zone, false) + ".");
      return ResponseEntity.ok(moved.details().start().toString());
    } catch (ConflictException e) {
      return ResponseEntity.status(409).body(e.getMessage());
    } catch (InvalidInputException e) {
      return ResponseEntity.status(422).body(FormErrors.of(e).values().stream().findFirst().orElse(e.getMessage()));
    } catch (DateTimeException e) {
      return ResponseEntity.status(422).body("That is not a day of the calendar.");
    } catch (NotFoundException e) {
      return ResponseEntity.status(404).body("That meeting is gone: it was deleted.");
    }
  }

  private String render(Model model, Meeting m, String mode) {
    return panel.render(model, m, mode, Map.of(), Map.of(), null);
  }

  private String render(Model model, Meeting m, String mode, Map<String, String> typed, Map<String, String> errors,
                        @Nullable String conflict) {
    return panel.render(model, m, mode, typed, errors, conflict);
  }

  static MeetingId id(String raw) {
    return new MeetingId(Requests.id(raw, "Meeting"));
  }
}
