package com.orbitcrm.meetings.web;

import com.orbitcrm.meetings.LocationType;
import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingDraft;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.app.MeetingService;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.Contact;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordSummary;
import com.orbitcrm.platform.Records;
import com.orbitcrm.platform.TimeZones;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.platform.web.HxTrigger;
import com.orbitcrm.platform.web.RecordLookup;
import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.tenancy.app.ProfileService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The schedule form (a slot clicked on the calendar, "Schedule meeting" on the calendar or on a client's or
 * deal's section) and the edit form, in a modal. A new meeting starts prefilled: the slot's day and time, or
 * the next full hour; the organizer's zone; the record it is about and that record's contact as a guest.
 * Errors come back next to their fields; a saved meeting tells the page {@code meetingsChanged}.
 */
@Controller
class MeetingFormController {

  private static final int ABOUT_OPTIONS = 8;

  private final MeetingService meetings;
  private final MemberService members;
  private final ProfileService profile;
  private final Records records;
  private final List<RecordLookup> lookups;
  private final MeetingPanel panel;
  private final CalendarModels calendars;
  private final Clock clock;

  MeetingFormController(MeetingService meetings, MemberService members, ProfileService profile, Records records,
                        List<RecordLookup> lookups, MeetingPanel panel, CalendarModels calendars, Clock clock) {
    this.meetings = meetings;
    this.members = members;
    this.profile = profile;
    this.records = records;
    this.lookups = lookups.stream().sorted(Comparator.comparing(l -> l.type().key())).toList();
    this.panel = panel;
    this.calendars = calendars;
    this.clock = clock;
  }

  @GetMapping("/meetings/new")
  String newMeeting(@RequestParam(required = false) @Nullable String date,
                    @RequestParam(required = false) @Nullable String time,
                    @RequestParam(required = false) @Nullable String about, Model model) {
    TenantContext.requireWriter();
    ZoneId zone = profile.zone();
    ZonedDateTime now = clock.instant().atZone(zone);
    LocalDate day = parseDay(date).orElse(now.toLocalDate());
    LocalTime at = parseTime(time).orElse(null);
    if (at == null) {
      // The next full hour today (if the day is not over), 09:00 on another day.
      ZonedDateTime next = now.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      at = day.equals(now.toLocalDate()) && next.toLocalDate().equals(day) ? next.toLocalTime() : LocalTime.of(9, 0);
    }
    String chosen = null;
    String guests = null;
    RecordRef record = aboutRef(about);
    if (record != null && records.find(record).isPresent()) {
      chosen = record.type().key() + ":" + record.id();
      guests = lookup(record).flatMap(l -> l.contact(record.id())).map(MeetingFormController::guest).orElse(null);
    }
    return form(model, MeetingForm.fresh(day, at, zone, chosen, guests), Map.of(), null, null);
  }

  @PostMapping("/meetings")
  String schedule(@ModelAttribute MeetingForm form, Model model, HtmxResponse htmx, HttpServletResponse response) {
    TenantContext.requireWriter();
    List<Member> team = members.members();
    try {
      Meeting m = meetings.schedule(form.draft(MeetingDraft.blank(), team, profile.zone()), form.links());
      HxTrigger.afterSettle(htmx, MeetingDetailController.CHANGED, m.details().title() + " was scheduled for "
          + MeetingViews.span(m.details().start(), m.details().end(), calendars.zone(), false) + ".");
      return "meetings/form :: closed";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return form(model, form, form.errors(FormErrors.of(e)), null, null);
    }
  }

  @GetMapping("/meetings/{id}/edit")
  String edit(@PathVariable String id, Model model) {
    TenantContext.requireWriter();
    Meeting m = meetings.get(MeetingDetailController.id(id));
    return form(model, MeetingForm.of(m, members.members()), Map.of(), m, null);
  }

  @PostMapping("/meetings/{id}")
  String update(@PathVariable String id, @ModelAttribute MeetingForm form, Model model, HtmxResponse htmx,
                HttpServletResponse response) {
    MeetingId meetingId = MeetingDetailController.id(id);
    Meeting current = meetings.get(meetingId);
    List<Member> team = members.members();
    try {
      Meeting saved = meetings.update(meetingId, form.draft(MeetingDraft.of(current.details()), team,
          current.details().zone()), form.links(), Requests.version(form.version()));
      HxTrigger.afterSettle(htmx, MeetingDetailController.CHANGED, saved.details().title() + " was saved.");
      model.addAttribute("notice", "Saved.");
      panel.render(model, saved);
      return "meetings/detail :: modal";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return form(model, form, form.errors(FormErrors.of(e)), current, null);
    } catch (ConflictException e) {
      response.setStatus(409);
      Meeting fresh = meetings.get(meetingId);
      var again = new MeetingForm(form.title(), form.date(), form.time(), form.duration(), form.timezone(),
          form.locationType(), form.location(), form.meetingUrl(), form.members(), form.guests(), form.about(),
          form.dealId(), form.reminderMinutes(), form.description(), String.valueOf(fresh.version()));
      return form(model, again, Map.of(), fresh, e.getMessage() + " Saving again overwrites their change.");
    }
  }

  /** The "About" picker's options: clients and deals whose names start with the words typed, and the chosen one. */
  @GetMapping("/meetings/about-options")
  String aboutOptions(@RequestParam(defaultValue = "") String aboutSearch, @RequestParam(defaultValue = "") String about,
                      Model model) {
    model.addAttribute("aboutGroups", aboutGroups(aboutSearch, about));
    model.addAttribute("form", Map.of("about", about));
    return "meetings/form :: about-options";
  }

  private String form(Model model, MeetingForm form, Map<String, String> errors, @Nullable Meeting editing,
                      @Nullable String conflict) {
    // The organizer is there anyway: the picker offers everyone else (and keeps whoever is ticked).
    var organizer = editing != null ? editing.organizer() : TenantContext.require().user();
    List<Member> team = members.members().stream()
        .filter(t -> !t.user().equals(organizer) || form.members().contains(t.email().value())).toList();
    model.addAttribute("form", form.values());
    model.addAttribute("errors", errors);
    model.addAttribute("team", team);
    model.addAttribute("zones", TimeZones.names());
    model.addAttribute("locationTypes", LocationType.values());
    model.addAttribute("durations", form.durationOptions());
    model.addAttribute("reminders", form.reminderOptions());
    model.addAttribute("aboutGroups", aboutGroups("", form.about() == null ? "" : form.about()));
    model.addAttribute("editing", editing == null ? null : editing.id().toString());
    model.addAttribute("editingTitle", editing == null ? null : editing.details().title());
    model.addAttribute("conflict", conflict);
    return "meetings/form :: modal";
  }

  /** A group of the "About" select: "Clients", "Deals". */
  record AboutGroup(String label, List<MeetingForm.Option> options) {}

  private List<AboutGroup> aboutGroups(String search, String chosen) {
    RecordRef chosenRef = aboutRef(chosen);
    RecordSummary chosenRecord = chosenRef == null ? null : records.find(chosenRef).orElse(null);
    var groups = new ArrayList<AboutGroup>();
    for (RecordLookup lookup : lookups) {
      var options = new LinkedHashMap<String, String>();
      if (chosenRecord != null && chosenRecord.ref().type().equals(lookup.type())) {
        options.put(key(chosenRecord.ref()), chosenRecord.label());
      }
      for (RecordSummary s : lookup.search(search, ABOUT_OPTIONS)) {
        options.putIfAbsent(key(s.ref()), s.label());
      }
      if (!options.isEmpty()) {
        groups.add(new AboutGroup(lookup.typeLabel() + "s",
            options.entrySet().stream().map(e -> new MeetingForm.Option(e.getKey(), e.getValue())).toList()));
      }
    }
    return groups;
  }

  private Optional<RecordLookup> lookup(RecordRef ref) {
    return lookups.stream().filter(l -> l.type().equals(ref.type())).findFirst();
  }

  private static String key(RecordRef ref) {
    return ref.type().key() + ":" + ref.id();
  }

  /** {@code client:<id>} or {@code deal:<id>} of a type some lookup answers for; anything else is none. */
  private @Nullable RecordRef aboutRef(@Nullable String raw) {
    if (raw == null || raw.isBlank() || raw.indexOf(':') < 0) {
      return null;
    }
    try {
      RecordRef ref = records.parse(raw.substring(0, raw.indexOf(':')), raw.substring(raw.indexOf(':') + 1));
      return lookup(ref).isPresent() ? ref : null;
    } catch (InvalidInputException e) {
      return null;
    }
  }

  /** A contact as the guests field holds it: {@code Olivia Park <olivia@acme.example>}. */
  private static @Nullable String guest(Contact c) {
    if (c.email() == null) {
      return null;
    }
    return MeetingForm.guest(c.name(), c.email());
  }

  private static Optional<LocalDate> parseDay(@Nullable String raw) {
    try {
      return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(raw.strip()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalTime> parseTime(@Nullable String raw) {
    try {
      return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(LocalTime.parse(raw.strip()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
