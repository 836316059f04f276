package com.orbitcrm.meetings.web;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.tenancy.TenantContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the model of a meeting's detail panel ({@code meetings/detail :: panel}), with one of its forms open. */
@Component
class MeetingPanel {

  private final MeetingViews views;
  private final CalendarModels calendars;
  private final Clock clock;

  MeetingPanel(MeetingViews views, CalendarModels calendars, Clock clock) {
    this.views = views;
    this.calendars = calendars;
    this.clock = clock;
  }

  String render(Model model, Meeting m) {
    return render(model, m, "", Map.of(), Map.of(), null);
  }

  /**
   * @param mode {@code reschedule} or {@code complete} opens that form; anything else none.
   * @param typed what was typed into the open form, shown again with its {@code errors}.
   */
  String render(Model model, Meeting m, String mode, Map<String, String> typed, Map<String, String> errors,
                @Nullable String conflict) {
    var detail = views.detail(m, calendars.zone(), TenantContext.require().user(), clock.instant());
    var form = new LinkedHashMap<String, String>();
    form.put("date", detail.localDate());
    form.put("time", detail.localTime());
    form.put("duration", String.valueOf(detail.durationMinutes()));
    form.put("notes", Objects.requireNonNullElse(m.details().notes(), ""));
    form.put("outcome", Objects.requireNonNullElse(m.details().outcome(), ""));
    form.putAll(typed);
    model.addAttribute("m", detail);
    model.addAttribute("mode", switch (mode) {
      case "reschedule", "complete" -> mode;
      default -> "";
    });
    model.addAttribute("form", form);
    model.addAttribute("durations", MeetingForm.durationOptions(MeetingForm.minutes(form.get("duration"))));
    model.addAttribute("errors", errors);
    model.addAttribute("conflict", conflict);
    return "meetings/detail :: panel";
  }
}
