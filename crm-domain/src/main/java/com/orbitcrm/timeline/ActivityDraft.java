package com.orbitcrm.timeline;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An activity as typed (the quick log form, a JSON body), unchecked; {@link ActivityDetails#from}
 * checks it. Times are ISO-8601, with an offset or as UTC; the call duration is in seconds.
 */
public record ActivityDraft(@Nullable String activityType, @Nullable String subject, @Nullable String description,
                            @Nullable String emailFrom, @Nullable String emailTo, @Nullable String callDuration,
                            @Nullable String callOutcome, @Nullable String callRecordingUrl,
                            @Nullable String meetingStartTime, @Nullable String meetingEndTime,
                            @Nullable String meetingLocation, List<String> meetingAttendees) {

  public ActivityDraft {
    meetingAttendees = meetingAttendees == null ? List.of() : List.copyOf(meetingAttendees);
  }
}
