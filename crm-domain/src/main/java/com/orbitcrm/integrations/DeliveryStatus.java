package com.orbitcrm.integrations;

import java.util.Locale;

/** Where a delivery stands: waiting for its next attempt, received (a 2xx), or given up. */
public enum DeliveryStatus {
  PENDING, SUCCEEDED, FAILED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DeliveryStatus of(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
