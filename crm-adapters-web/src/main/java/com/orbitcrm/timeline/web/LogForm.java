package com.orbitcrm.timeline.web;

import static com.orbitcrm.platform.web.Requests.blank;

import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.timeline.ActivityDraft;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The quick log form as typed: the fields of every activity type (the page shows those of the chosen
 * one), a call's duration in minutes, tracked links one per line.
 */
record LogForm(@Nullable String activityType, @Nullable String subject, @Nullable String description,
               @Nullable String emailFrom, @Nullable String emailTo, @Nullable String callMinutes,
               @Nullable String callOutcome, @Nullable String callRecordingUrl, @Nullable String meetingStartTime,
               @Nullable String meetingEndTime, @Nullable String meetingLocation, @Nullable String meetingAttendees,
               @Nullable String trackOpens, @Nullable String trackedLinks) {

  ActivityDraft draft(String type) {
    return new ActivityDraft(type, subject, description, emailFrom, emailTo, callSeconds(), callOutcome,
        callRecordingUrl, meetingStartTime, meetingEndTime, meetingLocation, attendees());
  }

  boolean tracksOpens() {
    return "on".equals(trackOpens);
  }

  List<String> links() {
    return blank(trackedLinks) == null ? List.of()
        : Arrays.stream(trackedLinks.split("\\s+")).filter(l -> !l.isBlank()).toList();
  }

  /** The form as typed, for showing it again with its errors. */
  Map<String, String> values() {
    var map = new LinkedHashMap<String, String>();
    put(map, "activityType", activityType);
    put(map, "subject", subject);
    put(map, "description", description);
    put(map, "emailFrom", emailFrom);
    put(map, "emailTo", emailTo);
    put(map, "callMinutes", callMinutes);
    put(map, "callOutcome", callOutcome);
    put(map, "callRecordingUrl", callRecordingUrl);
    put(map, "meetingStartTime", meetingStartTime);
    put(map, "meetingEndTime", meetingEndTime);
    put(map, "meetingLocation", meetingLocation);
    put(map, "meetingAttendees", meetingAttendees);
    put(map, "trackOpens", trackOpens);
    put(map, "trackedLinks", trackedLinks);
    return map;
  }

  private static void put(Map<String, String> map, String key, @Nullable String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private @Nullable String callSeconds() {
    String minutes = blank(callMinutes);
    if (minutes == null) {
      return null;
    }
    try {
      return String.valueOf(Math.round(Double.parseDouble(minutes) * 60));
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("callMinutes", "must be a number of minutes");
    }
  }

  private List<String> attendees() {
    if (blank(meetingAttendees) == null) {
      return List.of();
    }
    return Arrays.stream(meetingAttendees.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
