package com.orbitcrm.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Fractional-indexing ranks: keys that sort as plain strings and always leave room between neighbours. */
class RankUnitTest {

  static final String SMALLEST_INTEGER = "A" + "0".repeat(26);
  static final String LARGEST_INTEGER = "z" + "z".repeat(26);

  /** Asks for a key between two others and checks it really lies between them and is valid. */
  static String between(@Nullable String before, @Nullable String after) {
    String key = Rank.between(before, after);
    assertThat(Rank.isValid(key)).as("valid: %s", key).isTrue();
    if (before != null) {
      assertThat(key).as("%s after %s", key, before).isGreaterThan(before);
    }
    if (after != null) {
      assertThat(key).as("%s before %s", key, after).isLessThan(after);
    }
    return key;
  }

  static void assertStrictlySorted(List<String> keys) {
    for (int i = 1; i < keys.size(); i++) {
      assertThat(keys.get(i)).as("key %d", i).isGreaterThan(keys.get(i - 1));
    }
  }

  @Test
  void anEmptyColumnStartsAtA0() {
    assertThat(Rank.between(null, null)).isEqualTo("a0");
    assertThat(Rank.first()).isEqualTo("a0");
    assertThat(Rank.isValid(Rank.first())).isTrue();
  }

  @Test
  void keysMatchTheReferenceImplementationsExamples() {
    // Expected values as documented by rocicorp/fractional-indexing's own tests.
    assertThat(Rank.between(null, "a0")).isEqualTo("Zz");
    assertThat(Rank.between(null, "Zz")).isEqualTo("Zy");
    assertThat(Rank.between("a0", null)).isEqualTo("a1");
    assertThat(Rank.between("a1", null)).isEqualTo("a2");
    assertThat(Rank.between("a0", "a1")).isEqualTo("a0V");
    assertThat(Rank.between("a1", "a2")).isEqualTo("a1V");
    assertThat(Rank.between("a0V", "a1")).isEqualTo("a0l");
    assertThat(Rank.between("Zz", "a0")).isEqualTo("ZzV");
    assertThat(Rank.between("Zz", "a1")).isEqualTo("a0");
    assertThat(Rank.between(null, "Y00")).isEqualTo("Xzzz");
    assertThat(Rank.between("bzz", null)).isEqualTo("c000");
    assertThat(Rank.between("a0", "a0V")).isEqualTo("a0G");
    assertThat(Rank.between("a0", "a0G")).isEqualTo("a08");
    assertThat(Rank.between("b125", "b129")).isEqualTo("b127");
    assertThat(Rank.between("a0", "a1V")).isEqualTo("a1");
    assertThat(Rank.between("Zz", "a01")).isEqualTo("a0");
    assertThat(Rank.between(null, "a0V")).isEqualTo("a0");
    assertThat(Rank.between(null, "b999")).isEqualTo("b99");
    assertThat(Rank.between(null, SMALLEST_INTEGER + "1")).isEqualTo(SMALLEST_INTEGER + "0V");
    assertThat(Rank.between("z" + "z".repeat(25) + "y", null)).isEqualTo(LARGEST_INTEGER);
    assertThat(Rank.between(LARGEST_INTEGER, null)).isEqualTo(LARGEST_INTEGER + "V");
  }

  @Test
  void appendingAndPrependingHundredThousandTimesStaysSortedAndShort() {
    List<String> appended = new ArrayList<>();
    String last = Rank.first();
    appended.add(last);
    for (int i = 0; i < 100_000; i++) {
      last = between(last, null);
      appended.add(last);
    }
    assertStrictlySorted(appended);
    assertThat(appended).allSatisfy(key -> assertThat(key.length()).isLessThanOrEqualTo(4));
    assertThat(last).isEqualTo("cOzu"); // 100,000 = 62 + 62^2 + 96,094 and 96,094 = 24*62^2 + 61*62 + 56

    List<String> prepended = new ArrayList<>();
    String head = Rank.first();
    prepended.add(head);
    for (int i = 0; i < 100_000; i++) {
      head = between(null, head);
      prepended.add(0, head);
    }
    assertStrictlySorted(prepended);
    assertThat(prepended).allSatisfy(key -> assertThat(key.length()).isLessThanOrEqualTo(4));
    // 62 keys Zz..Z0, 62^2 keys Yzz..Y00, then 96,094 three-digit ones from Xzzz down: 62^3 - 96,094 = 142,234.
    assertThat(prepended.subList(0, 3)).containsExactly("Xb06", "Xb07", "Xb08");
    assertThat(prepended.subList(96_092, 96_096)).containsExactly("Xzzy", "Xzzz", "Y00", "Y01");
    assertThat(new HashSet<>(prepended)).hasSize(prepended.size());
  }

  @Test
  void tenThousandRandomInsertionsKeepTheColumnStrictlySortedValidAndUnique() {
    var random = new Random(42);
    List<String> column = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      int at = random.nextInt(column.size() + 1);
      String before = at == 0 ? null : column.get(at - 1);
      String after = at == column.size() ? null : column.get(at);
      column.add(at, between(before, after));
    }
    assertStrictlySorted(column);
    assertThat(column).allSatisfy(key -> assertThat(Rank.isValid(key)).as(key).isTrue());
    assertThat(new HashSet<>(column)).hasSize(10_000);
    // Sorting the keys as plain strings gives back the column's order (what ORDER BY ... COLLATE "C" does).
    assertThat(column.stream().sorted().toList()).isEqualTo(column);
    assertThat(column).allSatisfy(key -> assertThat(key.length()).isLessThanOrEqualTo(12));
  }

  @Test
  void thousandDropsIntoTheSameGapKeepTheOrderAndStayWithinTheLimit() {
    // A column a0, a1; every new card goes right after the first one.
    List<String> column = new ArrayList<>(List.of(Rank.first(), Rank.between(Rank.first(), null)));
    for (int i = 0; i < 1_000; i++) {
      column.add(1, between(column.get(0), column.get(1)));
    }
    assertStrictlySorted(column);
    assertThat(new HashSet<>(column)).hasSize(1_002);
    // About one character per log2(62) ~ 6 halvings.
    assertThat(column.get(1).length()).isBetween(150, 190).isLessThanOrEqualTo(Rank.MAX_LENGTH);
    // The same from the other side: always right before the last card.
    String low = "a0";
    String high = "a1";
    for (int i = 0; i < 1_000; i++) {
      low = between(low, high);
    }
    assertThat(low.length()).isLessThanOrEqualTo(Rank.MAX_LENGTH);
  }

  @Test
  void aGapTooNarrowForMaxLengthIsRefused() {
    String low = "a0";
    String high = "a1";
    for (int i = 0; i < 1_400; i++) {
      high = Rank.between(low, high);
    }
    assertThat(high.length()).isLessThanOrEqualTo(Rank.MAX_LENGTH);
    String finalHigh = high;
    assertThatThrownBy(() -> {
      String h = finalHigh;
      for (int i = 0; i < 1_000; i++) {
        h = Rank.between(low, h);
      }
    }).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void betweenRefusesKeysOutOfOrderOrMalformed() {
    assertThatThrownBy(() -> Rank.between("a1", "a0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rank.between("a0", "a0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rank.between("a0V", "a0G")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rank.between("b00", "az")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rank.between("a00", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rank.between(null, "a00")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rank.between("00", "01")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rank.between(null, SMALLEST_INTEGER)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isValidAcceptsOnlyWellFormedKeys() {
    assertThat(Rank.isValid("a0")).isTrue();
    assertThat(Rank.isValid("Zz")).isTrue();
    assertThat(Rank.isValid("a0V")).isTrue();
    assertThat(Rank.isValid("b00")).isTrue();
    assertThat(Rank.isValid("b00z1")).isTrue();
    assertThat(Rank.isValid(LARGEST_INTEGER)).isTrue();
    assertThat(Rank.isValid(SMALLEST_INTEGER + "1")).isTrue();

    assertThat(Rank.isValid(null)).isFalse();
    assertThat(Rank.isValid("")).isFalse();
    assertThat(Rank.isValid("a")).isFalse();                   // head without its digit
    assertThat(Rank.isValid("b0")).isFalse();                  // 'b' needs two digits
    assertThat(Rank.isValid("a00")).isFalse();                 // the fraction "0" ends in 0
    assertThat(Rank.isValid("a0V0")).isFalse();                // so does "V0"
    assertThat(Rank.isValid("00")).isFalse();                  // no head letter
    assertThat(Rank.isValid("_0")).isFalse();
    assertThat(Rank.isValid("a-")).isFalse();                  // outside 0-9A-Za-z
    assertThat(Rank.isValid("a0 ")).isFalse();
    assertThat(Rank.isValid("a0V_")).isFalse();
    assertThat(Rank.isValid("a0é")).isFalse();
    assertThat(Rank.isValid("a0%27")).isFalse();
    assertThat(Rank.isValid(SMALLEST_INTEGER)).isFalse();      // nothing would fit before it
    assertThat(Rank.isValid("a0" + "1".repeat(Rank.MAX_LENGTH - 2))).isTrue();
    assertThat(Rank.isValid("a0" + "1".repeat(Rank.MAX_LENGTH - 1))).isFalse();
  }

  @Test
  void ofIndexIsTheSequenceOfAppends() {
    String key = Rank.first();
    for (int n = 0; n < 10_000; n++) {
      assertThat(Rank.ofIndex(n)).as("index %d", n).isEqualTo(key);
      key = Rank.between(key, null);
    }
    assertThat(Rank.ofIndex(0)).isEqualTo("a0");
    assertThat(Rank.ofIndex(61)).isEqualTo("az");
    assertThat(Rank.ofIndex(62)).isEqualTo("b00");
    assertThat(Rank.ofIndex(3905)).isEqualTo("bzz");
    assertThat(Rank.ofIndex(3906)).isEqualTo("c000");
    assertThatThrownBy(() -> Rank.ofIndex(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ofIndexIncreasesAcrossHeadBoundariesAndForLargeIndexes() {
    long[] indexes = {0, 1, 60, 61, 62, 63, 3904, 3905, 3906, 3907, 242_233, 242_234, 999_999_999L,
        1_000_000_000L, 1_000_000_001L, 62L * 62 * 62 * 62 * 62 * 62 * 62 * 62 * 62 * 62, Long.MAX_VALUE - 1,
        Long.MAX_VALUE};
    List<String> keys = new ArrayList<>();
    for (long n : indexes) {
      String key = Rank.ofIndex(n);
      assertThat(Rank.isValid(key)).as("index %d: %s", n, key).isTrue();
      assertThat(Rank.between(key, null)).as("after index %d", n)
          .isEqualTo(n == Long.MAX_VALUE ? "k9yK7lzX47l8" : Rank.ofIndex(n + 1));
      keys.add(key);
    }
    assertStrictlySorted(keys);
    assertThat(Rank.ofIndex(242_233)).isEqualTo("czzz");
    assertThat(Rank.ofIndex(242_234)).isEqualTo("d0000");
    assertThat(Rank.ofIndex(1_000_000_000L)).isEqualTo("f04esfG");
    assertThat(Rank.ofIndex(Long.MAX_VALUE)).isEqualTo("k9yK7lzX47l7");
  }
}
