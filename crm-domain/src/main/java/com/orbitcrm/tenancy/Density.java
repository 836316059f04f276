package com.orbitcrm.tenancy;

import com.orbitcrm.platform.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How tightly a member's tables and board cards are set: comfortable (the default) or compact, which fits
 * about half as many rows again above the fold. Chosen per membership: a person may want a dense list at
 * one workspace and not at another.
 */
public enum Density {
  COMFORTABLE, COMPACT;

  /** The stored and submitted form: {@code comfortable}, {@code compact}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A density as submitted; anything else is a 400 on {@code density}. */
  public static Density parse(@Nullable String raw) {
    return Arrays.stream(values()).filter(d -> d.key().equals(raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> InvalidInputException.of("density", "must be comfortable or compact"));
  }

  /** A stored value; an unknown one reads as the default. */
  public static Density stored(@Nullable String key) {
    return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst().orElse(COMFORTABLE);
  }
}
