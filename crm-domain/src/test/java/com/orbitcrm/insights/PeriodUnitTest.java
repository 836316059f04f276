package com.orbitcrm.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodUnitTest {

  static final LocalDate TODAY = LocalDate.of(2026, 2, 15);

  static Period period(String key) {
    return Period.resolve(key, null, null, TODAY);
  }

  @Test
  void eachPeriodIsDaysOfTheWorkspacesCalendarBothEndsIncluded() {
    assertThat(period(null)).isEqualTo(new Period(PeriodKind.THIS_MONTH, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    assertThat(period("last_month")).isEqualTo(new Period(PeriodKind.LAST_MONTH, LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 1, 31)));
    assertThat(period("this_quarter")).isEqualTo(new Period(PeriodKind.THIS_QUARTER, LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 3, 31)));
    assertThat(Period.resolve("this_quarter", null, null, LocalDate.of(2026, 12, 31)).from())
        .isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(period("this_year")).isEqualTo(new Period(PeriodKind.THIS_YEAR, LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31)));
    assertThat(period("LAST_12_MONTHS ")).isEqualTo(new Period(PeriodKind.LAST_12_MONTHS, LocalDate.of(2025, 3, 1),
        LocalDate.of(2026, 2, 28)));
    assertThat(period("all_time")).isEqualTo(new Period(PeriodKind.ALL_TIME, null, null));
    assertThat(Period.resolve("custom", "2025-12-31", "2026-01-01", TODAY))
        .isEqualTo(new Period(PeriodKind.CUSTOM, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1)));
  }

  @Test
  void aLeapMonthEndsOnItsLastDay() {
    assertThat(Period.resolve("this_month", null, null, LocalDate.of(2028, 2, 10)).to()).isEqualTo(LocalDate.of(2028, 2, 29));
  }

  @Test
  void containsCountsBothEnds() {
    var p = period("this_month");
    assertThat(p.contains(LocalDate.of(2026, 2, 1))).isTrue();
    assertThat(p.contains(LocalDate.of(2026, 2, 28))).isTrue();
    assertThat(p.contains(LocalDate.of(2026, 1, 31))).isFalse();
    assertThat(p.contains(LocalDate.of(2026, 3, 1))).isFalse();
    assertThat(period("all_time").contains(LocalDate.of(1970, 1, 1))).isTrue();
  }

  @Test
  void wrongInputIsNamed() {
    assertThatThrownBy(() -> period("fortnight")).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("period"));
    assertThatThrownBy(() -> Period.resolve("custom", null, "soon", TODAY)).isInstanceOfSatisfying(
        InvalidInputException.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
            .containsExactly("from", "to"));
    assertThatThrownBy(() -> Period.resolve("custom", "2026-03-01", "2026-02-01", TODAY))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("to");
    assertThatThrownBy(() -> Period.resolve("custom", "1990-01-01", "2026-02-01", TODAY))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("years");
  }
}
