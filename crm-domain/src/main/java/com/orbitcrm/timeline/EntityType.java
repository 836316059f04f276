package com.orbitcrm.timeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an activity or a note hangs off. */
public enum EntityType {
  CLIENT, DEAL;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EntityType> of(String key) {
    return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
  }
}
