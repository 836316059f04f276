package com.orbitcrm.insights;

import static com.orbitcrm.insights.InsightsFixtures.PIPELINE;
import static com.orbitcrm.insights.InsightsFixtures.deal;
import static com.orbitcrm.insights.InsightsFixtures.trashed;
import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.deals.Deal;
import com.orbitcrm.platform.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The eight metrics on hand-computed cases: several currencies, ties, empty periods, a zone far from UTC. */
class MetricsUnitTest {

  static final ZoneId UTC = ZoneId.of("UTC");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final Period NOVEMBER = Period.month(TODAY);

  static Dashboard dashboard(List<Deal> deals, Period period, ZoneId zone, String main) {
    return Dashboard.of(PIPELINE, period, DealFacts.totals(deals), DealFacts.closed(deals, NOVEMBER, zone),
        DealFacts.closed(deals, period, zone), main);
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void openDealsAndTheirValuesPerCurrencyExactAndMainCurrencyFirst() {
    var deals = List.of(
        deal("lead", "1000.00", "USD", null, at("2026-11-01T10:00:00Z"), null, null),            // 10 % → 100
        deal("proposal", "0.05", "USD", 33, at("2026-11-02T10:00:00Z"), null, null),             // 33 % → 0.0165
        deal("negotiation", "2000.00", "EUR", null, at("2026-11-03T10:00:00Z"), null, null),     // 75 % → 1500
        deal("closed_won", "9999.00", "USD", null, at("2026-10-01T10:00:00Z"), TODAY, null),     // not open
        trashed(deal("lead", "5000.00", "USD", null, at("2026-11-04T10:00:00Z"), null, null)));  // in the trash
    var d = dashboard(deals, NOVEMBER, UTC, "USD");
    assertThat(d.openDeals()).isEqualTo(3);
    assertThat(d.pipelineValue().amounts()).extracting(Money::currency).containsExactly("USD", "EUR");
    assertThat(d.pipelineValue().in("USD").amount()).isEqualByComparingTo("1000.05");
    assertThat(d.pipelineValue().in("EUR").amount()).isEqualByComparingTo("2000");
    assertThat(d.weightedValue().in("USD").amount()).isEqualByComparingTo("100.0165");
    assertThat(d.weightedValue().in("EUR").amount()).isEqualByComparingTo("1500");
    // The main currency decides the order, not the alphabet.
    assertThat(dashboard(deals, NOVEMBER, UTC, "EUR").pipelineValue().amounts()).extracting(Money::currency)
        .containsExactly("EUR", "USD");
  }

  @Test
  void wonAndLostThisMonthConversionAverageSizeAndCycle() {
    var deals = List.of(
        // Won in November: 10, 20 and 30 days after entering the pipeline.
        deal("closed_won", "1000.00", "USD", null, at("2026-10-22T12:00:00Z"), LocalDate.of(2026, 11, 1), null),
        deal("closed_won", "2000.00", "USD", null, at("2026-10-12T12:00:00Z"), LocalDate.of(2026, 11, 1), null),
        deal("closed_won", "500.00", "EUR", null, at("2026-10-31T12:00:00Z"), LocalDate.of(2026, 11, 30), null),
        // Lost in November (twice), in October (not this month).
        deal("closed_lost", "700.00", "USD", null, at("2026-09-01T12:00:00Z"), LocalDate.of(2026, 11, 15), null),
        deal("closed_lost", "300.00", "EUR", null, at("2026-09-01T12:00:00Z"), LocalDate.of(2026, 11, 16), null),
        deal("closed_lost", "100.00", "USD", null, at("2026-09-01T12:00:00Z"), LocalDate.of(2026, 10, 31), null));
    var d = dashboard(deals, NOVEMBER, UTC, "USD");
    assertThat(d.wonThisMonth().count()).isEqualTo(3);
    assertThat(d.wonThisMonth().value().in("USD").amount()).isEqualByComparingTo("3000");
    assertThat(d.wonThisMonth().value().in("EUR").amount()).isEqualByComparingTo("500");
    assertThat(d.lostThisMonth().count()).isEqualTo(2);
    // 3 won of 5 closed in November.
    assertThat(d.conversionRate()).isEqualByComparingTo("60.0");
    assertThat(d.averageDealSize().in("USD").amount()).isEqualByComparingTo("1500.00");
    assertThat(d.averageDealSize().in("EUR").amount()).isEqualByComparingTo("500.00");
    assertThat(d.averageSalesCycleDays()).isEqualByComparingTo("20.0");
    // October's loss counts for October: 0 won of 1 closed.
    var october = new Period(PeriodKind.LAST_MONTH, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
    var oct = dashboard(deals, october, UTC, "USD");
    assertThat(oct.conversionRate()).isEqualByComparingTo("0.0");
    assertThat(oct.averageSalesCycleDays()).isNull();
    assertThat(oct.averageDealSize().isEmpty()).isTrue();
  }

  @Test
  void anEmptyPeriodHasNoRatesAndNothingIsDividedByZero() {
    var d = dashboard(List.of(), NOVEMBER, UTC, "USD");
    assertThat(d.openDeals()).isZero();
    assertThat(d.conversionRate()).isNull();
    assertThat(d.averageSalesCycleDays()).isNull();
    assertThat(d.pipelineValue().isEmpty()).isTrue();
    assertThat(d.wonThisMonth().count()).isZero();
  }

  @Test
  void ratesAreRoundedOnceHalfUpToOneDecimal() {
    // 1 won of 3 closed: 33.333… → 33.3; 2 of 3 → 66.7. Cycles of 1, 2 and 2 days → 1.7.
    var oneOfThree = List.of(
        deal("closed_won", "10.00", "USD", null, at("2026-11-09T12:00:00Z"), LocalDate.of(2026, 11, 10), null),
        deal("closed_lost", "10.00", "USD", null, at("2026-11-01T12:00:00Z"), LocalDate.of(2026, 11, 10), null),
        deal("closed_lost", "10.00", "USD", null, at("2026-11-01T12:00:00Z"), LocalDate.of(2026, 11, 10), null));
    assertThat(dashboard(oneOfThree, NOVEMBER, UTC, "USD").conversionRate()).isEqualByComparingTo("33.3");
    var twoOfThree = List.of(
        deal("closed_won", "10.00", "USD", null, at("2026-11-09T12:00:00Z"), LocalDate.of(2026, 11, 10), null),
        deal("closed_won", "10.01", "USD", null, at("2026-11-08T12:00:00Z"), LocalDate.of(2026, 11, 10), null),
        deal("closed_won", "10.01", "USD", null, at("2026-11-08T12:00:00Z"), LocalDate.of(2026, 11, 10), null),
        deal("closed_lost", "10.00", "USD", null, at("2026-11-01T12:00:00Z"), LocalDate.of(2026, 11, 10), null));
    var d = dashboard(twoOfThree, NOVEMBER, UTC, "USD");
    assertThat(d.conversionRate()).isEqualByComparingTo("75.0");
    assertThat(d.averageSalesCycleDays()).isEqualByComparingTo("1.7");
    // (10.00 + 10.01 + 10.01) / 3 = 10.00666… → 10.01 to the cent.
    assertThat(d.averageDealSize().in("USD").amount()).isEqualByComparingTo(new BigDecimal("10.01"));
  }

  @Test
  void theSalesCycleStartsOnTheDayOfCreationInTheWorkspacesZone() {
    // 2026-10-31T23:30Z is already 1 November in Kiritimati (UTC+14) and still 31 October in Pago Pago (UTC−11).
    var deals = List.of(deal("closed_won", "100.00", "USD", null, at("2026-10-31T23:30:00Z"),
        LocalDate.of(2026, 11, 11), null));
    assertThat(dashboard(deals, NOVEMBER, ZoneId.of("Pacific/Kiritimati"), "USD").averageSalesCycleDays())
        .isEqualByComparingTo("10.0");
    assertThat(dashboard(deals, NOVEMBER, ZoneId.of("Pacific/Pago_Pago"), "USD").averageSalesCycleDays())
        .isEqualByComparingTo("11.0");
  }

  @Test
  void dealsClosedOnTheBoundariesOfAMonthBelongToIt() {
    var deals = List.of(
        deal("closed_won", "1.00", "USD", null, at("2026-01-01T00:00:00Z"), LocalDate.of(2026, 10, 31), null),
        deal("closed_won", "2.00", "USD", null, at("2026-01-01T00:00:00Z"), LocalDate.of(2026, 11, 1), null),
        deal("closed_won", "4.00", "USD", null, at("2026-01-01T00:00:00Z"), LocalDate.of(2026, 11, 30), null),
        deal("closed_won", "8.00", "USD", null, at("2026-01-01T00:00:00Z"), LocalDate.of(2026, 12, 1), null));
    var d = dashboard(deals, NOVEMBER, UTC, "USD");
    assertThat(d.wonThisMonth().count()).isEqualTo(2);
    assertThat(d.wonThisMonth().value().in("USD").amount()).isEqualByComparingTo("6");
  }
}
