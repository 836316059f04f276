package com.orbitcrm.clients;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a client stands with us. */
public enum ClientStatus {
  ACTIVE, INACTIVE, CHURNED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }

  public static Optional<ClientStatus> fromKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
  }
}
