package com.orbitcrm.tenancy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** "Ada Lovelace" → "AL"; "cher" → "C". */
public final class Initials {
  private Initials() {}

  public static String of(String name) {
    return Arrays.stream(name.strip().split("\\s+"))
        .filter(w -> !w.isEmpty())
        .limit(2)
        .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT))
        .collect(Collectors.joining());
  }
}
