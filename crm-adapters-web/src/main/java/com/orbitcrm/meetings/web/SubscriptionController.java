package com.orbitcrm.meetings.web;

import com.orbitcrm.meetings.app.MeetingCalendar;
import com.orbitcrm.platform.web.PublicUrl;
import com.orbitcrm.platform.web.HxTrigger;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Subscribe to your calendar" on the profile page (and the calendar's "Subscribe" modal): make a secret feed
 * URL — shown once, as {@code https://} and {@code webcal://} — replace it, or turn it off.
 */
@Controller
class SubscriptionController {

  private final MeetingCalendar calendar;
  private final PublicUrl publicUrl;

  SubscriptionController(MeetingCalendar calendar, PublicUrl publicUrl) {
    this.calendar = calendar;
    this.publicUrl = publicUrl;
  }

  @GetMapping("/meetings/subscription")
  String card(Model model) {
    return render(model, null);
  }

  /** As a modal over the calendar. */
  @GetMapping("/meetings/subscription/modal")
  String modal(Model model) {
    render(model, null);
    return "meetings/subscription :: modal";
  }

  @PostMapping("/meetings/subscription")
  String create(Model model, HtmxResponse htmx) {
    boolean had = calendar.hasFeed();
    String key = calendar.newFeedKey();
    HxTrigger.toast(htmx, had ? "A new link was made: the old one no longer works." : "Your calendar link is ready.");
    return render(model, key);
  }

  @PostMapping("/meetings/subscription/revoke")
  String revoke(Model model, HtmxResponse htmx) {
    calendar.revokeFeed();
    HxTrigger.toast(htmx, "Your calendar link was turned off.");
    return render(model, null);
  }

  private String render(Model model, @Nullable String key) {
    model.addAttribute("hasFeed", key != null || calendar.hasFeed());
    if (key != null) {
      String url = base() + "/calendar/feed/" + key + ".ics";
      model.addAttribute("feedUrl", url);
      model.addAttribute("webcalUrl", url.replaceFirst("^https?://", "webcal://"));
    }
    return "meetings/subscription :: card";
  }

  /** Where calendar apps reach Orbit: {@code orbit.public-url}, or (unset) the address of this request. */
  private String base() {
    return publicUrl.base();
  }
}
