package com.orbitcrm.deals;

import com.orbitcrm.platform.Money;

/**
 * The deals of one column in one currency: how many, their value and their value weighted by
 * probability — exact sums of what {@link Deal#weightedValue()} gives each deal, rounded only for
 * display. Amounts of different currencies are never added up.
 */
public record ColumnTotal(String stage, long count, Money value, Money weighted) {

  public ColumnTotal {
    if (!value.currency().equals(weighted.currency())) {
      throw new IllegalArgumentException("a column total is in one currency");
    }
  }

  public String currency() {
    return value.currency();
  }
}
