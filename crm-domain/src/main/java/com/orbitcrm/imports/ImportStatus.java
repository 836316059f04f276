package com.orbitcrm.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an import stands. {@code draft}: uploaded in the browser, waiting for its mapping (the API never
 * leaves one there); {@code queued}: waiting for a runner; {@code running}; {@code completed} or {@code failed}
 * (a bad file, or "all or nothing" with rows in error — nothing written then).
 */
public enum ImportStatus {
  DRAFT, QUEUED, RUNNING, COMPLETED, FAILED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean finished() {
    return this == COMPLETED || this == FAILED;
  }

  public static Optional<ImportStatus> fromKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
  }
}
