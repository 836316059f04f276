package com.orbitcrm.insights.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.platform.web.MoneyFormat;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChartsUnitTest {

  private static Charts.Scale scale(String max, boolean whole) {
    return Charts.Scale.of(new BigDecimal(max), whole);
  }

  @Test
  void stepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
    assertThat(scale("1045000", false)).isEqualTo(new Charts.Scale(new BigDecimal("2.5E+5"), new BigDecimal("1.25E+6")));
    // Exactly on a step: no empty step above it.
    assertThat(scale("1000000", false)).isEqualTo(new Charts.Scale(new BigDecimal("2E+5"), new BigDecimal("1E+6")));
    assertThat(scale("183000", false)).isEqualTo(new Charts.Scale(new BigDecimal("5E+4"), new BigDecimal("2E+5")));
    assertThat(scale("7.5", false)).isEqualTo(new Charts.Scale(new BigDecimal("2"), new BigDecimal("8")));
    assertThat(scale("0.3", false)).isEqualTo(new Charts.Scale(new BigDecimal("0.1"), new BigDecimal("0.3")));
  }

  @Test
  void countsStepByWholeNumbers() {
    assertThat(scale("3", true)).isEqualTo(new Charts.Scale(BigDecimal.ONE, new BigDecimal("3")));
    assertThat(scale("1", true)).isEqualTo(new Charts.Scale(BigDecimal.ONE, BigDecimal.ONE));
    // 9 / 5 = 1.8: steps of 2 up to 10.
    assertThat(scale("9", true)).isEqualTo(new Charts.Scale(new BigDecimal("2"), new BigDecimal("1E+1")));
    assertThat(scale("40", true)).isEqualTo(new Charts.Scale(new BigDecimal("1E+1"), new BigDecimal("4E+1")));
  }

  @Test
  void ticksRunFromZeroToTheTopAndLabelsReadWell() {
    var ticks = scale("1045000", false).ticks(252, 240, v -> MoneyFormat.axis(v, "USD"));
    assertThat(ticks).extracting(Charts.Tick::label)
        .containsExactly("$0", "$250K", "$500K", "$750K", "$1M", "$1.25M");
    assertThat(ticks.getFirst().y()).isEqualTo(252.0);
    assertThat(ticks.getLast().y()).isEqualTo(12.0);
    assertThat(scale("0", false).ticks(252, 240, BigDecimal::toPlainString)).isEmpty();
  }
}
