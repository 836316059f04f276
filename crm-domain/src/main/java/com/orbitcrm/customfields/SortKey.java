package com.orbitcrm.customfields;

import java.math.BigDecimal;

/**
 * Exact decimals as text that sorts like the numbers, byte by byte ("C" collation): under row-level
 * security a {@code numeric} comparison is not leakproof and never an index condition, a text comparison
 * with the "C" collation is. A key is a class ({@code 1} negative, {@code 2} zero, {@code 3} positive),
 * then the decimal exponent in three digits (complemented for negatives), then the significant digits
 * (complemented, and closed by {@code ~}, for negatives, so a longer magnitude sorts first).
 */
public final class SortKey {

  /** Exponents a key can hold; {@link FieldRules} keeps numbers well inside. */
  static final int MAX_EXPONENT = 499;

  private SortKey() {}

  public static String of(BigDecimal number) {
    if (number.signum() == 0) {
      return "2";
    }
    BigDecimal abs = number.abs().stripTrailingZeros();
    String digits = abs.unscaledValue().toString();
    // abs = 0.digits × 10^exponent
    int exponent = digits.length() - abs.scale();
    if (Math.abs(exponent) > MAX_EXPONENT) {
      throw new IllegalArgumentException("number out of range for a key: " + number);
    }
    if (number.signum() > 0) {
      return "3" + three(exponent + 500) + digits;
    }
    StringBuilder complement = new StringBuilder(digits.length() + 1);
    for (char c : digits.toCharArray()) {
      complement.append((char) ('9' - (c - '0')));
    }
    return "1" + three(499 - exponent) + complement + "~";
  }

  private static String three(int n) {
    return String.format("%03d", n);
  }
}
