package com.orbitcrm.meetings.web;

import com.orbitcrm.meetings.app.MeetingCalendar;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's calendar subscription: the secret URL Google Calendar, Apple Calendar and Outlook poll, without
 * a session (the key is the credential, and names its workspace). A wrong or revoked key is a 404.
 */
@RestController
class CalendarFeedController {

  static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

  private final MeetingCalendar calendar;

  CalendarFeedController(MeetingCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/calendar/feed/{key}.ics")
  ResponseEntity<String> feed(@PathVariable String key) {
    return calendar.feed(key)
        .map(ics -> ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noCache()).body(ics))
        .orElseGet(() -> ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN)
            .body("No calendar at this address: the link is wrong or was replaced."));
  }
}
