package com.orbitcrm.deals;

import org.jspecify.annotations.Nullable;

/**
 * Positions inside a board column as <em>fractional indexing</em> keys: strings that sort by plain
 * character comparison ({@link String#compareTo}, PostgreSQL {@code text collate "C"}), so that a card
 * dropped between two others gets a key strictly between theirs, a move writes one row and a column is
 * never renumbered.
 *
 * <p>This is the algorithm of rocicorp's {@code fractional-indexing} (David Greenspan, Evan Wallace) with
 * base-62 digits {@code 0-9A-Za-z}, which are in ASCII order. A key is an <em>integer part</em> followed by
 * an optional <em>fraction</em>:
 *
 * <ul>
 *   <li>The integer part starts with a head letter giving its length: {@code 'a'..'z'} for positive
 *       integers of 1..26 digits, {@code 'A'..'Z'} for negative ones of 26..1 digits. Since a longer
 *       positive integer gets a later head (and a longer negative one an earlier head), keys still sort
 *       as numbers, and appending at the end (or prepending at the start) N times only needs keys of
 *       length O(log N): {@code a0, a1, ..., az, b00, ...} and {@code Zz, Zy, ..., Z0, Yzz, ...}.
 *   <li>The fraction is a base-62 fraction that never ends in {@code '0'} (so each position has exactly
 *       one key). A key between two neighbours whose integers leave no room takes the midpoint of their
 *       fractions, gaining about one character per six drops into the same gap.
 * </ul>
 *
 * <p>The smallest integer {@code "A" + 26 zeros} is not a key of its own, so there is always room before
 * any key. Keys never exceed {@link #MAX_LENGTH} characters.
 */
public final class Rank {

  /** The longest key {@link #between} hands out or {@link #isValid} accepts. */
  public static final int MAX_LENGTH = 255;

  private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int BASE = DIGITS.length();
  private static final char ZERO = '0';
  private static final char TOP = 'z';
  /** Digits of the longest integers, those with heads {@code 'z'} and {@code 'A'}. */
  private static final int MAX_INTEGER_DIGITS = 26;
  private static final String FIRST = "a" + ZERO;
  private static final String SMALLEST_INTEGER = "A" + String.valueOf(ZERO).repeat(MAX_INTEGER_DIGITS);

  private Rank() {}

  /** The key of the first card of an empty column: {@code "a0"}, the same as {@code between(null, null)}. */
  public static String first() {
    return FIRST;
  }

  /**
   * A key strictly between {@code before} and {@code after}; either may be absent, meaning the column's
   * start or end. With one side absent the result is the next (previous) integer key, so repeated
   * appends stay short.
   *
   * @throws IllegalArgumentException when a key is not {@linkplain #isValid valid}, or {@code before} is
   *     not below {@code after}.
   * @throws IllegalStateException when the gap is so narrow that the key would exceed {@link #MAX_LENGTH}.
   */
  public static String between(@Nullable String before, @Nullable String after) {
    if (before != null && !isValid(before)) {
      throw new IllegalArgumentException("not a rank: " + quoted(before));
    }
    if (after != null && !isValid(after)) {
      throw new IllegalArgumentException("not a rank: " + quoted(after));
    }
    if (before != null && after != null && before.compareTo(after) >= 0) {
      throw new IllegalArgumentException("rank " + before + " is not below " + after);
    }
    String key = keyBetween(before, after);
    if (key.length() > MAX_LENGTH) {
      throw new IllegalStateException("no rank of at most " + MAX_LENGTH + " characters fits between "
          + before + " and " + after);
    }
    return key;
  }

  /**
   * The {@code n}-th integer key in increasing order, counting from 0: {@code 0 -> "a0"},
   * {@code 61 -> "az"}, {@code 62 -> "b00"}, {@code 3906 -> "c000"}; the same sequence as appending at
   * the end again and again, starting from {@link #first()}. Renumbers a column in a migration.
   *
   * @throws IllegalArgumentException when {@code n} is negative.
   */
  public static String ofIndex(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("rank index must not be negative: " + n);
    }
    // Head 'a' holds 62 one-digit integers, 'b' 62^2 two-digit ones, and so on; a long fits in 'k'.
    int digits = 1;
    long band = BASE;
    long rest = n;
    while (rest >= band) {
      rest -= band;
      digits++;
      band = band > Long.MAX_VALUE / BASE ? Long.MAX_VALUE : band * BASE;
    }
    char[] key = new char[digits + 1];
    key[0] = (char) ('a' + digits - 1);
    for (int i = digits; i >= 1; i--) {
      key[i] = DIGITS.charAt((int) (rest % BASE));
      rest /= BASE;
    }
    return new String(key);
  }

  /**
   * Whether {@code key} is a well-formed rank: a head letter, as many base-62 digits as the head asks
   * for, and a fraction of base-62 digits not ending in {@code '0'}; not the bare smallest integer and
   * at most {@link #MAX_LENGTH} long.
   */
  public static boolean isValid(@Nullable String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
      return false;
    }
    int integerLength = integerLength(key.charAt(0));
    if (integerLength < 0 || integerLength > key.length()) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      if (digit(key.charAt(i)) < 0) {
        return false;
      }
    }
    if (key.length() > integerLength && key.charAt(key.length() - 1) == ZERO) {
      return false;
    }
    return !key.equals(SMALLEST_INTEGER);
  }

  // ---- the algorithm; all inputs below are valid keys (or parts of them) ----

  private static String keyBetween(@Nullable String a, @Nullable String b) {
    if (a == null) {
      if (b == null) {
        return FIRST;
      }
      String ib = integerPart(b);
      if (ib.equals(SMALLEST_INTEGER)) {
        return ib + midpoint("", b.substring(ib.length()));
      }
      if (ib.length() < b.length()) {
        return ib; // b has a fraction, so its bare integer comes before it
      }
      String previous = decrement(ib);
      if (previous == null) {
        throw new IllegalStateException("no rank before " + b);
      }
      return previous;
    }
    String ia = integerPart(a);
    String fa = a.substring(ia.length());
    if (b == null) {
      String next = increment(ia);
      return next != null ? next : ia + midpoint(fa, null);
    }
    String ib = integerPart(b);
    if (ia.equals(ib)) {
      return ia + midpoint(fa, b.substring(ib.length()));
    }
    String next = increment(ia);
    if (next == null) {
      throw new IllegalStateException("no rank after " + a);
    }
    return next.compareTo(b) < 0 ? next : ia + midpoint(fa, null);
  }

  /**
   * The digits of a fraction strictly between the fractions {@code a} and {@code b} ({@code null}: 1),
   * neither ending in {@code '0'}; {@code a} may be empty (0).
   */
  private static String midpoint(String a, @Nullable String b) {
    if (b != null) {
      // Keep the common prefix, reading a as padded with zeros (b cannot end first within it).
      int n = 0;
      while (n < b.length() && (n < a.length() ? a.charAt(n) : ZERO) == b.charAt(n)) {
        n++;
      }
      if (n > 0) {
        return b.substring(0, n) + midpoint(a.substring(Math.min(n, a.length())), b.substring(n));
      }
    }
    // The first digits differ (b's is higher; a missing digit of a is 0, a missing b is BASE).
    int digitA = a.isEmpty() ? 0 : digit(a.charAt(0));
    int digitB = b == null ? BASE : digit(b.charAt(0));
    if (digitB - digitA > 1) {
      return String.valueOf(DIGITS.charAt((digitA + digitB + 1) / 2));
    }
    if (b != null && b.length() > 1) {
      return b.substring(0, 1); // b's first digit alone is below b and above a
    }
    // Consecutive digits and b is one digit or absent: keep a's digit and go past the rest of a.
    return DIGITS.charAt(digitA) + midpoint(a.isEmpty() ? "" : a.substring(1), null);
  }

  /** The next integer, or {@code null} after the largest one ({@code "z" + 26 'z'}). */
  private static @Nullable String increment(String integer) {
    char head = integer.charAt(0);
    char[] digits = integer.substring(1).toCharArray();
    for (int i = digits.length - 1; i >= 0; i--) {
      int d = digit(digits[i]) + 1;
      if (d < BASE) {
        digits[i] = DIGITS.charAt(d);
        return head + new String(digits);
      }
      digits[i] = ZERO;
    }
    // Carried out of every digit: all digits are now zero.
    if (head == 'Z') {
      return FIRST;
    }
    if (head == 'z') {
      return null;
    }
    char nextHead = (char) (head + 1);
    String zeros = new String(digits);
    return nextHead > 'a' ? nextHead + zeros + ZERO : nextHead + zeros.substring(1);
  }

  /** The previous integer, or {@code null} before the smallest one ({@code "A" + 26 zeros}). */
  private static @Nullable String decrement(String integer) {
    char head = integer.charAt(0);
    char[] digits = integer.substring(1).toCharArray();
    for (int i = digits.length - 1; i >= 0; i--) {
      int d = digit(digits[i]) - 1;
      if (d >= 0) {
        digits[i] = DIGITS.charAt(d);
        return head + new String(digits);
      }
      digits[i] = TOP;
    }
    // Borrowed out of every digit: all digits are now the top digit.
    if (head == 'a') {
      return "Z" + TOP;
    }
    if (head == 'A') {
      return null;
    }
    char previousHead = (char) (head - 1);
    String tops = new String(digits);
    return previousHead < 'Z' ? previousHead + tops + TOP : previousHead + tops.substring(1);
  }

  private static String integerPart(String key) {
    return key.substring(0, integerLength(key.charAt(0)));
  }

  /** Head plus digits of the integer part a head letter starts, or -1 for no head letter. */
  private static int integerLength(char head) {
    if (head >= 'a' && head <= 'z') {
      return head - 'a' + 2;
    }
    if (head >= 'A' && head <= 'Z') {
      return 'Z' - head + 2;
    }
    return -1;
  }

  /** The value of a base-62 digit, or -1 for a character outside the alphabet. */
  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 36;
    }
    return -1;
  }

  private static String quoted(String key) {
    return key.length() > 40 ? '"' + key.substring(0, 40) + "...\"" : '"' + key + '"';
  }
}
