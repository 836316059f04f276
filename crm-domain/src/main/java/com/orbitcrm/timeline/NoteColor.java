package com.orbitcrm.timeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The colours a note may have. */
public enum NoteColor {
  DEFAULT, YELLOW, GREEN, BLUE, RED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<NoteColor> of(String key) {
    return Arrays.stream(values()).filter(c -> c.key().equals(key)).findFirst();
  }
}
