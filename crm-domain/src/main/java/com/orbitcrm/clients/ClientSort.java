package com.orbitcrm.clients;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders a client list can be read in; each has an index for keyset paging. {@link #FIELD} and
 * {@link #FIELD_DESC} order by a custom field ({@code sort=cf.<name>}, {@code sort=-cf.<name>}; the field is
 * {@link ClientQuery#sortField()}): by its stored key, then id, clients without a value last.
 */
public enum ClientSort {
  NAME("name", true), NAME_DESC("-name", false),
  CREATED("createdAt", true), CREATED_DESC("-createdAt", false),
  SPEND("estimatedMonthlySpend", true), SPEND_DESC("-estimatedMonthlySpend", false),
  FIELD("cf", true), FIELD_DESC("-cf", false);

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

  public boolean byField() {
    return this == FIELD || this == FIELD_DESC;
  }

  /** A built-in order by its parameter value ({@code cf.<name>} orders are not found here). */
  public static Optional<ClientSort> fromKey(String key) {
    return Arrays.stream(values()).filter(s -> !s.byField() && s.key.equals(key)).findFirst();
  }
}
