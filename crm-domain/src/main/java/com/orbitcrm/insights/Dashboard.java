package com.orbitcrm.insights;

import com.orbitcrm.deals.ClosedTotal;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The eight metrics of the dashboard, defined once here over the deals of a workspace that are not in the
 * trash (the adapter only sums; every rule is in {@link #of}):
 * <ol>
 *   <li>open deals — deals in an open stage;</li>
 *   <li>pipeline value — the sum of their values, per currency;</li>
 *   <li>weighted value — the sum of value × probability / 100 over them, exact, per currency;</li>
 *   <li>won this month and</li>
 *   <li>lost this month — count and value of deals closed won / lost in the current calendar month of the
 *       workspace;</li>
 *   <li>conversion rate — won / (won + lost) among deals closed in the period, a percentage with one
 *       decimal (none without closed deals);</li>
 *   <li>average deal size — the mean value of deals won in the period, per currency, to the cent;</li>
 *   <li>average sales cycle — the mean number of days from entering the pipeline to closing, over deals
 *       won in the period, with one decimal.</li>
 * </ol>
 */
public record Dashboard(Period period, long openDeals, Amounts pipelineValue, Amounts weightedValue,
                        Closed wonThisMonth, Closed lostThisMonth, @Nullable BigDecimal conversionRate,
                        Amounts averageDealSize, @Nullable BigDecimal averageSalesCycleDays) {

  /** Deals closed one way: how many, and their value per currency. */
  public record Closed(long count, Amounts value) {}

  /**
   * @param open the column totals of the pipeline (every stage; the open ones count).
   * @param thisMonth the deals closed in the workspace's current month.
   * @param inPeriod the deals closed in {@code period}.
   * @param main the workspace's main currency, shown first.
   */
  public static Dashboard of(Pipeline pipeline, Period period, List<ColumnTotal> open, List<ClosedTotal> thisMonth,
                             List<ClosedTotal> inPeriod, String main) {
    Set<String> openStages = pipeline.stages().stream().filter(Stage::open).map(Stage::key).collect(Collectors.toSet());
    List<ColumnTotal> inOpenStages = open.stream().filter(t -> openStages.contains(t.stage())).toList();
    long openDeals = inOpenStages.stream().mapToLong(ColumnTotal::count).sum();
    Amounts value = Amounts.sum(inOpenStages.stream().map(ColumnTotal::value).toList(), main);
    Amounts weighted = Amounts.sum(inOpenStages.stream().map(ColumnTotal::weighted).toList(), main);

    long won = count(inPeriod, StageKind.WON);
    long lost = count(inPeriod, StageKind.LOST);
    BigDecimal conversion = won + lost == 0 ? null
        : BigDecimal.valueOf(won * 100).divide(BigDecimal.valueOf(won + lost), 1, RoundingMode.HALF_UP);

    Map<String, BigDecimal> wonValue = new TreeMap<>();
    Map<String, Long> wonCount = new TreeMap<>();
    long cycleDays = 0;
    for (ClosedTotal t : inPeriod) {
      if (t.kind() == StageKind.WON) {
        wonValue.merge(t.currency(), t.value().amount(), BigDecimal::add);
        wonCount.merge(t.currency(), t.count(), Long::sum);
        cycleDays += t.cycleDays();
      }
    }
    List<Money> averages = wonValue.entrySet().stream()
        .map(e -> new Money(e.getValue().divide(BigDecimal.valueOf(wonCount.get(e.getKey())), 2, RoundingMode.HALF_UP),
            e.getKey()))
        .toList();
    BigDecimal cycle = won == 0 ? null
        : BigDecimal.valueOf(cycleDays).divide(BigDecimal.valueOf(won), 1, RoundingMode.HALF_UP);

    return new Dashboard(period, openDeals, value, weighted, closed(thisMonth, StageKind.WON, main),
        closed(thisMonth, StageKind.LOST, main), conversion, Amounts.sum(averages, main), cycle);
  }

  private static long count(List<ClosedTotal> totals, StageKind kind) {
    return totals.stream().filter(t -> t.kind() == kind).mapToLong(ClosedTotal::count).sum();
  }

  private static Closed closed(List<ClosedTotal> totals, StageKind kind, String main) {
    return new Closed(count(totals, kind),
        Amounts.sum(totals.stream().filter(t -> t.kind() == kind).map(ClosedTotal::value).toList(), main));
  }
}
