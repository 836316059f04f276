package com.orbitcrm.insights;

import com.orbitcrm.deals.ForecastTotal;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.platform.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The weighted forecast: open deals by the month they are expected to close, for the coming months, per
 * currency; each month's weighted value split by stage, and its unweighted total. Deals expected to close
 * before the first month (overdue) are counted in the first month — they are still to be won — and said
 * so; deals without an expected close date are only counted.
 */
public record Forecast(List<YearMonth> months, List<Series> series, long withoutCloseDate) {

  /** One currency's months. */
  public record Series(String currency, List<Month> months) {}

  /**
   * @param weightedByStage the open stages in pipeline order, each with its exact weighted value.
   * @param overdue how many of the month's deals were expected earlier (the first month only).
   */
  public record Month(YearMonth month, long deals, Money total, Money weighted, Map<String, Money> weightedByStage,
                      long overdue) {}

  /**
   * @param totals open deals per expected month, stage and currency; months before {@code first} are overdue.
   * @param first the workspace's current month.
   */
  public static Forecast of(Pipeline pipeline, YearMonth first, int count, List<ForecastTotal> totals,
                            long withoutCloseDate, String main) {
    List<YearMonth> months = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      months.add(first.plusMonths(i));
    }
    var currencies = new TreeSet<String>((a, b) -> a.equals(b) ? 0 : a.equals(main) ? -1 : b.equals(main) ? 1
        : a.compareTo(b));
    totals.forEach(t -> currencies.add(t.currency()));
    List<Series> series = new ArrayList<>();
    for (String currency : currencies) {
      List<Month> rows = new ArrayList<>();
      for (YearMonth month : months) {
        long deals = 0;
        long overdue = 0;
        BigDecimal total = BigDecimal.ZERO;
        Map<String, Money> byStage = new LinkedHashMap<>();
        pipeline.stages().stream().filter(Stage::open).forEach(s -> byStage.put(s.key(), Money.zero(currency)));
        for (ForecastTotal t : totals) {
          boolean inMonth = t.month().equals(month) || month.equals(first) && t.month().isBefore(first);
          if (!t.currency().equals(currency) || !inMonth || !byStage.containsKey(t.stage())) {
            continue;
          }
          deals += t.count();
          overdue += t.month().isBefore(first) ? t.count() : 0;
          total = total.add(t.value().amount());
          byStage.merge(t.stage(), t.weighted(), Money::plus);
        }
        Money weighted = byStage.values().stream().reduce(Money.zero(currency), Money::plus);
        rows.add(new Month(month, deals, new Money(total, currency), weighted, byStage, overdue));
      }
      series.add(new Series(currency, rows));
    }
    return new Forecast(months, series, withoutCloseDate);
  }
}
