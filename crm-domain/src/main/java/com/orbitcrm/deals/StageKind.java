package com.orbitcrm.deals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What reaching a stage means: still open, won, or lost. Rules key on the kind, never on stage names. */
public enum StageKind {
  OPEN, WON, LOST;

  public boolean closed() {
    return this != OPEN;
  }

  /** As stored: {@code open}, {@code won}, {@code lost}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<StageKind> fromKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
  }
}
