package com.orbitcrm.timeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a call ended. */
public enum CallOutcome {
  ANSWERED("Answered"), NO_ANSWER("No answer"), VOICEMAIL("Voicemail"), BUSY("Busy");

  private final String label;

  CallOutcome(String label) {
    this.label = label;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static Optional<CallOutcome> of(String key) {
    return Arrays.stream(values()).filter(o -> o.key().equals(key)).findFirst();
  }
}
