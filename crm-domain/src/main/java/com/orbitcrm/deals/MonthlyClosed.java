package com.orbitcrm.deals;

import com.orbitcrm.platform.Money;
import java.time.YearMonth;

/** Deals of one kind (won or lost) closed in one calendar month, in one currency. */
public record MonthlyClosed(YearMonth month, StageKind kind, long count, Money value) {

  public String currency() {
    return value.currency();
  }
}
