package com.orbitcrm.insights;

import com.orbitcrm.deals.ClosedTotal;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.ForecastTotal;
import com.orbitcrm.deals.MonthlyClosed;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.deals.StageReach;
import com.orbitcrm.platform.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the metrics are counted from, computed from the deals themselves: which deals are open, which
 * closed within some days of the workspace's calendar, how long each took, when the open ones are expected.
 * The database computes the same sums for speed (over tens of thousands of deals); these are the rules it
 * repeats, and tests hold the two together on random deals.
 */
public final class DealFacts {

  private DealFacts() {}

  /** The day a deal entered the pipeline, in the workspace's calendar. */
  public static LocalDate enteredOn(Deal deal, ZoneId zone) {
    return deal.createdAt().atZone(zone).toLocalDate();
  }

  /** Live deals per stage and currency: count, value, exact weighted value. */
  public static List<ColumnTotal> totals(List<Deal> deals) {
    return group(live(deals), d -> d.progress().stage().key() + "|" + d.details().currency()).values().stream()
        .map(g -> new ColumnTotal(g.getFirst().progress().stage().key(), g.size(), sum(g, d -> d.details().value()),
            sum(g, Deal::weightedValue)))
        .toList();
  }

  /** Live deals closed (won or lost) on a day of {@code range}, per kind and currency. */
  public static List<ClosedTotal> closed(List<Deal> deals, Period range, ZoneId zone) {
    List<Deal> closed = live(deals).stream().filter(d -> closedOn(d) != null && range.contains(closedOn(d))).toList();
    return group(closed, d -> d.progress().stage().kind() + "|" + d.details().currency()).values().stream()
        .map(g -> new ClosedTotal(g.getFirst().progress().stage().kind(), g.size(), sum(g, d -> d.details().value()),
            g.stream().mapToLong(d -> ChronoUnit.DAYS.between(enteredOn(d, zone), closedOn(d))).sum()))
        .toList();
  }

  /** Live deals closed on a day of {@code range}, per month, kind and currency. */
  public static List<MonthlyClosed> closedByMonth(List<Deal> deals, Period range) {
    List<Deal> closed = live(deals).stream().filter(d -> closedOn(d) != null && range.contains(closedOn(d))).toList();
    return group(closed, d -> YearMonth.from(closedOn(d)) + "|" + d.progress().stage().kind() + "|"
        + d.details().currency()).values().stream()
        .map(g -> new MonthlyClosed(YearMonth.from(closedOn(g.getFirst())), g.getFirst().progress().stage().kind(),
            g.size(), sum(g, d -> d.details().value())))
        .toList();
  }

  /** Live open deals expected to close on or before {@code until}, per expected month, stage and currency. */
  public static List<ForecastTotal> forecast(List<Deal> deals, LocalDate until) {
    List<Deal> open = live(deals).stream().filter(d -> d.progress().stage().open()
        && d.details().expectedCloseDate() != null && !d.details().expectedCloseDate().isAfter(until)).toList();
    return group(open, d -> YearMonth.from(d.details().expectedCloseDate()) + "|" + d.progress().stage().key() + "|"
        + d.details().currency()).values().stream()
        .map(g -> new ForecastTotal(YearMonth.from(g.getFirst().details().expectedCloseDate()),
            g.getFirst().progress().stage().key(), g.size(), sum(g, d -> d.details().value()),
            sum(g, Deal::weightedValue)))
        .toList();
  }

  /** Live open deals without an expected close date. */
  public static long withoutCloseDate(List<Deal> deals) {
    return live(deals).stream().filter(d -> d.progress().stage().open() && d.details().expectedCloseDate() == null)
        .count();
  }

  /** Live deals that first reached each step on a day of {@code range} ({@link com.orbitcrm.deals.Reached}). */
  public static List<StageReach> reached(List<Deal> deals, Period range) {
    var counts = new LinkedHashMap<String, Long>();
    for (Deal deal : live(deals)) {
      deal.reached().firstOn().forEach((step, day) -> {
        if (range.contains(day)) {
          counts.merge(step, 1L, Long::sum);
        }
      });
    }
    return counts.entrySet().stream().map(e -> new StageReach(e.getKey(), e.getValue())).toList();
  }

  private static @Nullable LocalDate closedOn(Deal deal) {
    return deal.progress().stage().kind() == StageKind.OPEN ? null : deal.progress().actualCloseDate();
  }

  private static List<Deal> live(List<Deal> deals) {
    return deals.stream().filter(d -> !d.trashed()).toList();
  }

  private static Map<String, List<Deal>> group(List<Deal> deals, Function<Deal, String> key) {
    return deals.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toCollection(ArrayList::new)));
  }

  private static Money sum(List<Deal> deals, Function<Deal, Money> amount) {
    return deals.stream().map(amount).filter(Objects::nonNull).reduce(Money::plus).orElseThrow();
  }
}
