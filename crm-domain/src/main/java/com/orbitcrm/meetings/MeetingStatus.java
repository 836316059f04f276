package com.orbitcrm.meetings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The original spec's meeting states. A meeting is <em>live</em> while it is scheduled or rescheduled:
 * live meetings get reminders and can be moved; completed and cancelled ones are history.
 */
public enum MeetingStatus {
  SCHEDULED("Scheduled"),
  COMPLETED("Completed"),
  CANCELLED("Cancelled"),
  RESCHEDULED("Rescheduled");

  private final String label;

  MeetingStatus(String label) {
    this.label = label;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public boolean isLive() {
    return this == SCHEDULED || this == RESCHEDULED;
  }

  public static Optional<MeetingStatus> of(String key) {
    return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
  }
}
