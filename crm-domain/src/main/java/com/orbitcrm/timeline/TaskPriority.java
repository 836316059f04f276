package com.orbitcrm.timeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgent a task is; {@link #NORMAL} unless said otherwise. */
public enum TaskPriority {
  LOW("Low"),
  NORMAL("Normal"),
  HIGH("High");

  private final String label;

  TaskPriority(String label) {
    this.label = label;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static Optional<TaskPriority> of(String key) {
    return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
  }
}
