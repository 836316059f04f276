package com.orbitcrm.deals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Positions inside a board column as fractional ranks: a card dropped between two others gets a rank
 * between theirs, so a move writes one row and never renumbers the column. Ranks are exact decimals
 * (PostgreSQL {@code numeric}); a midpoint gains at most one digit, so thousands of moves into the same
 * gap stay short enough.
 */
public final class Rank {

  /** The gap left between cards appended at either end. */
  public static final BigDecimal STEP = BigDecimal.valueOf(1024);

  private Rank() {}

  /**
   * A rank strictly between {@code before} and {@code after} (either may be absent: the column's start
   * or end).
   *
   * @throws IllegalArgumentException when {@code before} is not below {@code after}.
   */
  public static BigDecimal between(@Nullable BigDecimal before, @Nullable BigDecimal after) {
    if (before == null && after == null) {
      return STEP;
    }
    if (before == null) {
      return after.subtract(STEP);
    }
    if (after == null) {
      return before.add(STEP);
    }
    if (before.compareTo(after) >= 0) {
      throw new IllegalArgumentException("rank " + before + " is not below " + after);
    }
    int scale = Math.max(before.scale(), after.scale());
    BigDecimal mid = before.add(after).divide(BigDecimal.valueOf(2), scale + 1, RoundingMode.HALF_UP);
    // Prefer the shortest decimal that fits, so ranks stay readable.
    for (int s = 0; s <= scale + 1; s++) {
      BigDecimal shorter = mid.setScale(s, RoundingMode.HALF_UP);
      if (shorter.compareTo(before) > 0 && shorter.compareTo(after) < 0) {
        return shorter;
      }
    }
    return mid;
  }
}
