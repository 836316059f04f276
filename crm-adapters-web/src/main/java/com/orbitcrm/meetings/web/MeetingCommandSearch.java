package com.orbitcrm.meetings.web;

import com.orbitcrm.meetings.app.MeetingService;
import com.orbitcrm.platform.web.CommandSearch;
import com.orbitcrm.tenancy.app.ProfileService;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Meetings in the command bar: by the words of the title; the detail is when, in the viewer's zone. */
@Component
class MeetingCommandSearch implements CommandSearch {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.US);

  private final MeetingService meetings;
  private final ProfileService profile;

  MeetingCommandSearch(MeetingService meetings, ProfileService profile) {
    this.meetings = meetings;
    this.profile = profile;
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public String groupLabel() {
    return "Meetings";
  }

  @Override
  public List<Found> find(String typed, int limit) {
    var found = meetings.findByWords(typed, limit);
    if (found.isEmpty()) {
      return List.of();
    }
    var zone = profile.zone();
    return found.stream().map(m -> new Found(m.details().title(), WHEN.format(m.details().start().atZone(zone)),
        "/meetings/" + m.id())).toList();
  }
}
