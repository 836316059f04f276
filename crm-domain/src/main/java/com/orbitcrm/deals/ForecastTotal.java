package com.orbitcrm.deals;

import com.orbitcrm.platform.Money;
import java.time.YearMonth;

/** Open deals of one stage expected to close in one month, in one currency, and their exact weighted value. */
public record ForecastTotal(YearMonth month, String stage, long count, Money value, Money weighted) {

  public String currency() {
    return value.currency();
  }
}
