package com.orbitcrm.deals;

import com.orbitcrm.platform.Money;

/**
 * Deals of one kind (won or lost) closed within some days, in one currency: how many, their value, and
 * the days each took from the day it entered the pipeline to the day it closed, added up (in the
 * workspace's calendar).
 */
public record ClosedTotal(StageKind kind, long count, Money value, long cycleDays) {

  public ClosedTotal {
    if (!kind.closed()) {
      throw new IllegalArgumentException("a closed total is of won or lost deals");
    }
  }

  public String currency() {
    return value.currency();
  }
}
