package com.orbitcrm.timeline.app;

import com.orbitcrm.meetings.LocationType;
import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingAttendee;
import com.orbitcrm.meetings.MeetingChanged;
import com.orbitcrm.meetings.app.MeetingService;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityDetails;
import com.orbitcrm.timeline.ActivityType;
import com.orbitcrm.timeline.port.Activities;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes a meeting's life into the timeline of the record it is about (and of the deal it serves, when
 * that is another record): scheduled, rescheduled, completed (with the outcome), cancelled — as
 * {@code meeting} entries with the spec's meeting fields (start, end, location, attendees). Entry ids
 * derive from the event, so a redelivered event writes nothing twice.
 */
@Component
class MeetingRecorder {

  private static final RecordType DEAL = new RecordType("deal");

  private final Activities activities;
  private final MeetingService meetings;

  MeetingRecorder(Activities activities, MeetingService meetings) {
    this.activities = activities;
    this.meetings = meetings;
  }

  @ApplicationModuleListener
  void on(MeetingChanged event) {
    String verb = switch (event.change()) {
      case SCHEDULED -> "Meeting scheduled";
      case RESCHEDULED -> "Meeting rescheduled";
      case COMPLETED -> "Meeting completed";
      case CANCELLED -> "Meeting cancelled";
      case UPDATED, DELETED, NONE -> null;
    };
    if (verb == null) {
      return;
    }
    var targets = new LinkedHashSet<RecordRef>();
    if (event.entity() != null) {
      targets.add(event.entity());
    }
    if (event.dealId() != null) {
      targets.add(new RecordRef(DEAL, event.dealId()));
    }
    if (targets.isEmpty()) {
      return;
    }
    Meeting m = meetings.get(event.meeting());
    var d = m.details();
    String description = event.change() == Meeting.Change.COMPLETED
        ? join(d.outcome(), d.notes()) : d.description();
    var details = new ActivityDetails(ActivityType.MEETING, verb + ": " + d.title(), description, null, List.of(),
        null, null, null, d.start(), d.end(), location(m),
        d.attendees().stream().map(MeetingAttendee::displayName).limit(ActivityDetails.MAX_ADDRESSES).toList());
    var metadata = new LinkedHashMap<String, String>();
    metadata.put("meetingId", m.id().toString());
    metadata.put("meetingStatus", m.status().key());
    metadata.put("change", event.change().name().toLowerCase(Locale.ROOT));
    metadata.put("timezone", d.zone().getId());
    for (RecordRef target : targets) {
      activities.insert(new Activity(id(event, target), event.tenant(), target, details, metadata,
          Activity.EmailTracking.NONE, event.by(), event.at()));
    }
  }

  private static String location(Meeting m) {
    var d = m.details();
    String where = d.meetingUrl() != null && d.locationType() == LocationType.VIRTUAL
        ? d.meetingUrl() : d.location();
    String text = d.locationType().label() + (where == null ? "" : " — " + where);
    return text.length() > 255 ? text.substring(0, 254) + "…" : text;
  }

  private static @Nullable String join(@Nullable String a, @Nullable String b) {
    var parts = new ArrayList<String>();
    if (a != null) {
      parts.add("Outcome: " + a);
    }
    if (b != null) {
      parts.add(b);
    }
    return parts.isEmpty() ? null : String.join("\n\n", parts);
  }

  private static UUID id(MeetingChanged event, RecordRef on) {
    return UUID.nameUUIDFromBytes(("meeting|" + event.meeting() + "|" + event.change() + "|" + event.sequence() + "|"
        + event.at() + "|" + on).getBytes(StandardCharsets.UTF_8));
  }
}
