package com.orbitcrm.deals;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One column of the board: its stage, the first cards in rank order, the rank after which the next cards
 * start ({@literal null} when these are all), and its totals per currency.
 */
public record BoardColumn(Stage stage, List<Deal> deals, @Nullable String nextAfter, List<ColumnTotal> totals) {

  public BoardColumn {
    deals = List.copyOf(deals);
    totals = List.copyOf(totals);
  }

  public long count() {
    return totals.stream().mapToLong(ColumnTotal::count).sum();
  }
}
