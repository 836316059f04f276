package com.orbitcrm.insights;

import static com.orbitcrm.insights.InsightsFixtures.PIPELINE;
import static com.orbitcrm.insights.InsightsFixtures.deal;
import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.Reached;
import com.orbitcrm.deals.StageReach;
import com.orbitcrm.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forecast, the funnel and won against lost per month, on hand-computed cases. */
class ChartsMathUnitTest {

  static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  @Test
  void theForecastStacksWeightedValuesByStageAndFoldsOverdueDealsIntoThisMonth() {
    var deals = List.of(
        deal("lead", "1000.00", "USD", null, CREATED, null, LocalDate.of(2026, 11, 30)),       // 100
        deal("proposal", "1000.00", "USD", null, CREATED, null, LocalDate.of(2026, 11, 2)),    // 500
        deal("proposal", "400.00", "USD", null, CREATED, null, LocalDate.of(2026, 9, 15)),     // overdue: 200
        deal("negotiation", "1000.00", "USD", null, CREATED, null, LocalDate.of(2027, 1, 1)),  // 750 in January
        deal("negotiation", "1000.00", "EUR", null, CREATED, null, LocalDate.of(2026, 12, 24)),
        deal("negotiation", "9.00", "USD", null, CREATED, null, LocalDate.of(2027, 12, 1)),   // beyond 12 months
        deal("lead", "50.00", "USD", null, CREATED, null, null),                              // no date
        deal("closed_won", "777.00", "USD", null, CREATED, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 3)));
    var until = NOVEMBER.plusMonths(11).atEndOfMonth();
    var forecast = Forecast.of(PIPELINE, NOVEMBER, 12, DealFacts.forecast(deals, until),
        DealFacts.withoutCloseDate(deals), "USD");
    assertThat(forecast.months()).hasSize(12).startsWith(NOVEMBER).endsWith(YearMonth.of(2027, 10));
    assertThat(forecast.series()).extracting(Forecast.Series::currency).containsExactly("USD", "EUR");
    var usd = forecast.series().getFirst().months();
    var november = usd.getFirst();
    assertThat(november.deals()).isEqualTo(3);
    assertThat(november.overdue()).isEqualTo(1);
    assertThat(november.total().amount()).isEqualByComparingTo("2400");
    assertThat(november.weighted().amount()).isEqualByComparingTo("800");
    assertThat(november.weightedByStage()).containsOnlyKeys("lead", "qualified", "proposal", "negotiation");
    assertThat(november.weightedByStage().get("proposal").amount()).isEqualByComparingTo("700");
    assertThat(november.weightedByStage().get("qualified")).isEqualTo(Money.zero("USD"));
    assertThat(usd.get(2).weighted().amount()).isEqualByComparingTo("750");
    assertThat(usd.stream().mapToLong(Forecast.Month::deals).sum()).isEqualTo(4);
    assertThat(forecast.withoutCloseDate()).isEqualTo(1);
  }

  @Test
  void theFunnelCountsTheDealsThatReachedEachStepAndTheShareOfTheStepBefore() {
    var funnel = Funnel.of(PIPELINE, List.of(new StageReach("lead", 11), new StageReach("qualified", 6),
        new StageReach("proposal", 3), new StageReach("closed_won", 2), new StageReach("closed_lost", 4)));
    // Lost is not a step; negotiation nobody reached; won after nobody reached negotiation has no share.
    assertThat(funnel.steps()).extracting(s -> s.stage().key())
        .containsExactly("lead", "qualified", "proposal", "negotiation", "closed_won");
    assertThat(funnel.steps()).extracting(Funnel.Step::reached).containsExactly(11L, 6L, 3L, 0L, 2L);
    assertThat(funnel.steps().getFirst().conversion()).isNull();
    assertThat(funnel.steps().get(1).conversion()).isEqualByComparingTo("54.5");
    assertThat(funnel.steps().get(2).conversion()).isEqualByComparingTo("50.0");
    assertThat(funnel.steps().get(3).conversion()).isEqualByComparingTo("0.0");
    assertThat(funnel.steps().get(4).conversion()).isNull();
    // The flow of a period can pass 100 %: deals qualified earlier reach proposal now.
    assertThat(Funnel.of(PIPELINE, List.of(new StageReach("qualified", 2), new StageReach("proposal", 3)))
        .steps().get(2).conversion()).isEqualByComparingTo("150.0");
    // Nothing moved: every step zero, and no rate divided by zero.
    assertThat(Funnel.of(PIPELINE, List.of()).steps()).allSatisfy(s -> {
      assertThat(s.reached()).isZero();
      assertThat(s.conversion()).isNull();
    });
  }

  @Test
  void dealFactsCountTheStepsReachedInAPeriodOnceEach() {
    var march = new Period(PeriodKind.CUSTOM, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    var a = deal("proposal", "1.00", "USD", null, CREATED, null, null);
    a = withReached(a, "lead", LocalDate.of(2026, 2, 27), "qualified", LocalDate.of(2026, 3, 1),
        "proposal", LocalDate.of(2026, 3, 31));
    var b = withReached(deal("closed_lost", "1.00", "USD", null, CREATED, LocalDate.of(2026, 3, 5), null),
        "lead", LocalDate.of(2026, 3, 2));
    var trashed = withReached(deal("lead", "1.00", "USD", null, CREATED, null, null), "lead", LocalDate.of(2026, 3, 2));
    trashed = new Deal(trashed.id(), trashed.tenant(), trashed.pipeline(), trashed.details(),
        trashed.progress(), trashed.rank(), trashed.reached(), null, CREATED, CREATED, CREATED, 0);
    assertThat(DealFacts.reached(List.of(a, b, trashed), march)).containsExactlyInAnyOrder(
        new StageReach("lead", 1), new StageReach("qualified", 1), new StageReach("proposal", 1));
  }

  private static Deal withReached(Deal d, Object... stepsAndDays) {
    var days = new LinkedHashMap<String, LocalDate>();
    for (int i = 0; i < stepsAndDays.length; i += 2) {
      days.put((String) stepsAndDays[i], (LocalDate) stepsAndDays[i + 1]);
    }
    return new Deal(d.id(), d.tenant(), d.pipeline(), d.details(), d.progress(), d.rank(),
        new Reached(days), d.createdBy(), d.createdAt(), d.updatedAt(), d.deletedAt(), d.version());
  }

  @Test
  void wonAndLostPerMonthCoverTwelveMonthsWithGaps() {
    var deals = List.of(
        deal("closed_won", "100.00", "USD", null, CREATED, LocalDate.of(2026, 11, 2), null),
        deal("closed_won", "50.00", "EUR", null, CREATED, LocalDate.of(2026, 11, 20), null),
        deal("closed_lost", "10.00", "USD", null, CREATED, LocalDate.of(2026, 6, 30), null),
        deal("closed_lost", "10.00", "USD", null, CREATED, LocalDate.of(2025, 11, 30), null));  // 13 months ago
    var range = new Period(PeriodKind.LAST_12_MONTHS, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 11, 30));
    var trend = WonLost.of(NOVEMBER, 12, DealFacts.closedByMonth(deals, range), "USD");
    assertThat(trend.months()).hasSize(12);
    assertThat(trend.months().getFirst().month()).isEqualTo(YearMonth.of(2025, 12));
    var november = trend.months().getLast();
    assertThat(november.won()).isEqualTo(2);
    assertThat(november.wonValue().amounts()).extracting(Money::currency).containsExactly("USD", "EUR");
    assertThat(trend.months().get(6).lost()).isEqualTo(1);
    assertThat(trend.months().stream().mapToLong(WonLost.Month::lost).sum()).isEqualTo(1);
  }
}
