package com.orbitcrm.insights;

import java.util.Arrays;
import java.util.Optional;

/** The periods a person picks for the metrics of closed deals. */
public enum PeriodKind {
  THIS_MONTH("this_month", "This month"),
  LAST_MONTH("last_month", "Last month"),
  THIS_QUARTER("this_quarter", "This quarter"),
  THIS_YEAR("this_year", "This year"),
  LAST_12_MONTHS("last_12_months", "Last 12 months"),
  ALL_TIME("all_time", "All time"),
  CUSTOM("custom", "Custom range");

  private final String key;
  private final String label;

  PeriodKind(String key, String label) {
    this.key = key;
    this.label = label;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public static Optional<PeriodKind> fromKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}
