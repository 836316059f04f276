package com.orbitcrm.deals.web;

import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.platform.web.MoneyFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A board column as the page shows it: its header (count, value and weighted value per currency) and
 * its first cards; {@code moreUrl} loads the next ones.
 */
record ColumnView(Stage stage, long count, List<Total> totals, List<DealView> cards, @Nullable String moreUrl) {

  /** One currency's sums, compact for the header, in full for its tooltip. */
  record Total(String currency, String value, String weighted, String title) {
    static Total of(ColumnTotal t) {
      return new Total(t.currency(), MoneyFormat.compact(t.value()), MoneyFormat.compact(t.weighted()),
          t.count() + " in " + t.currency() + ": " + MoneyFormat.format(t.value()) + ", weighted "
              + MoneyFormat.format(t.weighted()));
    }
  }

  static List<Total> totals(List<ColumnTotal> totals) {
    return totals.stream().map(Total::of).toList();
  }

  static long count(List<ColumnTotal> totals) {
    return totals.stream().mapToLong(ColumnTotal::count).sum();
  }
}
