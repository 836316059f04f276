package com.orbitcrm.meetings.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The meetings calendar page. */
@Controller
class MeetingsPageController {

  @GetMapping("/meetings")
  String meetings() {
    return "meetings/calendar";
  }
}
