package com.orbitcrm.clients;

import java.util.Arrays;
import java.util.Optional;

/** The orders a client list can be read in; each has an index for keyset paging. */
public enum ClientSort {
  NAME("name", true), NAME_DESC("-name", false),
  CREATED("createdAt", true), CREATED_DESC("-createdAt", false),
  SPEND("estimatedMonthlySpend", true), SPEND_DESC("-estimatedMonthlySpend", false);

  private final String key;
  private final boolean ascending;

  ClientSort(String key, boolean ascending) {
    this.key = key;
    this.ascending = ascending;
  }

  public String key() {
    return key;
  }

  public boolean ascending() {
    return ascending;
  }

  public static Optional<ClientSort> fromKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
