package com.orbitcrm.insights.web;

import com.orbitcrm.deals.Stage;
import com.orbitcrm.insights.Forecast;
import com.orbitcrm.insights.Funnel;
import com.orbitcrm.insights.WonLost;
import com.orbitcrm.platform.Money;
import com.orbitcrm.platform.web.MoneyFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's charts as shapes an SVG template draws (no chart library, no script): the geometry is
 * computed here once, the template only places it. Every chart also comes as a table of its numbers.
 */
final class Charts {

  /** The forecast spans the page; won and lost shares a row with the funnel. */
  static final int WIDE = 960;
  static final int WIDE_HEIGHT = 280;
  static final int NARROW = 480;
  static final int NARROW_HEIGHT = 240;
  static final int LEFT = 64;
  static final int BOTTOM = 28;
  static final int TOP = 12;
  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.US);
  static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

  private Charts() {}

  record Rect(double x, double y, double width, double height, String color, String title) {}

  record Label(double x, double y, String text) {}

  record Tick(double y, String label) {}

  record Legend(String label, String color) {}

  /** One stacked bar chart with a line (the forecast) or grouped bars (won and lost), in its own viewBox. */
  record BarChart(String title, int width, int height, List<Rect> bars, @Nullable String line, List<Rect> points,
                  List<Label> xLabels, List<Tick> yTicks, List<Legend> legend, boolean empty) {

    public int left() {
      return LEFT;
    }

    public double baseline() {
      return height - BOTTOM;
    }
  }

  /**
   * A y axis that reads well: steps of 1, 2, 2.5 or 5 times a power of ten, from zero to the first step at
   * or above the largest value, in at most five steps ({@code $250K, $500K, … $1.25M}, never {@code $783.8K}).
   */
  record Scale(BigDecimal step, BigDecimal top) {

    static Scale of(BigDecimal max, boolean whole) {
      if (max.signum() <= 0) {
        return new Scale(BigDecimal.ONE, BigDecimal.ZERO);
      }
      BigDecimal rough = max.divide(BigDecimal.valueOf(5), 10, RoundingMode.UP);
      BigDecimal power = BigDecimal.ONE.movePointRight(rough.precision() - rough.scale() - 1);
      BigDecimal step = power.multiply(BigDecimal.TEN);
      for (String f : new String[] {"1", "2", "2.5", "5", "10"}) {
        BigDecimal candidate = power.multiply(new BigDecimal(f));
        if (candidate.compareTo(rough) >= 0) {
          step = candidate;
          break;
        }
      }
      if (whole && step.compareTo(BigDecimal.ONE) < 0) {
        step = BigDecimal.ONE;
      } else if (whole && step.stripTrailingZeros().scale() > 0) {
        step = step.setScale(0, RoundingMode.UP);
      }
      BigDecimal top = max.divide(step, 0, RoundingMode.UP).multiply(step);
      return new Scale(step.stripTrailingZeros(), top.stripTrailingZeros());
    }

    /** The ticks from zero to the top, as y positions on a plot of {@code height} above {@code baseline}. */
    List<Tick> ticks(double baseline, double height, java.util.function.Function<BigDecimal, String> label) {
      var ticks = new ArrayList<Tick>();
      if (top.signum() == 0) {
        return ticks;
      }
      for (BigDecimal v = BigDecimal.ZERO; v.compareTo(top) <= 0; v = v.add(step)) {
        ticks.add(new Tick(baseline - height(v, height), label.apply(v)));
      }
      return ticks;
    }

    double height(BigDecimal value, double plot) {
      return top.signum() == 0 ? 0 : value.divide(top, 6, RoundingMode.HALF_UP).doubleValue() * plot;
    }
  }

  /** The forecast of one currency: weighted value stacked by stage, the unweighted total as a line. */
  static BarChart forecast(Forecast.Series series, List<Stage> stages) {
    List<Forecast.Month> months = series.months();
    BigDecimal max = months.stream().map(m -> m.total().amount()).reduce(BigDecimal.ZERO, BigDecimal::max);
    Scale scale = Scale.of(max, false);
    int width = WIDE;
    int height = WIDE_HEIGHT;
    double plot = height - BOTTOM - TOP;
    double slot = (width - LEFT - 8) / (double) Math.max(1, months.size());
    var bars = new ArrayList<Rect>();
    var points = new ArrayList<Rect>();
    var labels = new ArrayList<Label>();
    var line = new StringBuilder();
    for (int i = 0; i < months.size(); i++) {
      Forecast.Month m = months.get(i);
      double x = LEFT + i * slot + slot * 0.2;
      double y = height - BOTTOM;
      for (Stage stage : stages) {
        Money w = m.weightedByStage().get(stage.key());
        if (w == null || w.isZero()) {
          continue;
        }
        double h = scale.height(w.amount(), plot);
        y -= h;
        bars.add(new Rect(x, y, slot * 0.6, h, stage.color(), stage.label() + ", " + MONTH_YEAR.format(m.month())
            + ": " + MoneyFormat.format(w) + " weighted"));
      }
      double cx = LEFT + i * slot + slot / 2;
      double cy = height - BOTTOM - scale.height(m.total().amount(), plot);
      line.append(line.isEmpty() ? "" : " ").append(round(cx)).append(',').append(round(cy));
      points.add(new Rect(cx, cy, 3.5, 0, "", MONTH_YEAR.format(m.month()) + ": " + MoneyFormat.format(m.total())
          + " in all"));
      labels.add(new Label(cx, height - 10, MONTH.format(m.month())));
    }
    var legend = new ArrayList<Legend>();
    stages.forEach(s -> legend.add(new Legend(s.label() + " (weighted)", s.color())));
    legend.add(new Legend("All open deals (unweighted)", "var(--text)"));
    return new BarChart("Weighted forecast by expected close month, " + series.currency(), width, height, bars,
        line.toString(), points, labels,
        scale.ticks(height - BOTTOM, plot, v -> MoneyFormat.axis(v, series.currency())), legend, max.signum() == 0);
  }

  /** Won (green) and lost (red) deals per month, by count. */
  static BarChart wonLost(WonLost trend) {
    long max = trend.months().stream().mapToLong(m -> Math.max(m.won(), m.lost())).max().orElse(0);
    Scale scale = Scale.of(BigDecimal.valueOf(max), true);
    int width = NARROW;
    int height = NARROW_HEIGHT;
    double plot = height - BOTTOM - TOP;
    double slot = (width - LEFT - 8) / (double) Math.max(1, trend.months().size());
    var bars = new ArrayList<Rect>();
    var labels = new ArrayList<Label>();
    for (int i = 0; i < trend.months().size(); i++) {
      WonLost.Month m = trend.months().get(i);
      double x = LEFT + i * slot + slot * 0.15;
      double w = slot * 0.34;
      double hw = scale.height(BigDecimal.valueOf(m.won()), plot);
      double hl = scale.height(BigDecimal.valueOf(m.lost()), plot);
      bars.add(new Rect(x, height - BOTTOM - hw, w, hw, "var(--won)", MONTH_YEAR.format(m.month()) + ": " + m.won()
          + " won"));
      bars.add(new Rect(x + w + 2, height - BOTTOM - hl, w, hl, "var(--lost)", MONTH_YEAR.format(m.month()) + ": "
          + m.lost() + " lost"));
      labels.add(new Label(LEFT + i * slot + slot / 2, height - 10, MONTH.format(m.month())));
    }
    var ticks = scale.ticks(height - BOTTOM, plot, BigDecimal::toPlainString);
    return new BarChart("Won and lost deals per month", width, height, bars, null, List.of(), labels, ticks,
        List.of(new Legend("Won", "var(--won)"), new Legend("Lost", "var(--lost)")), max == 0);
  }

  /** A funnel step as a bar whose length is its share of the largest step (a later step can be larger). */
  record FunnelBar(Stage stage, long reached, @Nullable BigDecimal conversion, double percentOfLargest) {}

  static List<FunnelBar> funnel(Funnel funnel) {
    long largest = funnel.steps().stream().mapToLong(Funnel.Step::reached).max().orElse(0);
    return funnel.steps().stream().map(s -> new FunnelBar(s.stage(), s.reached(), s.conversion(),
        largest == 0 ? 0 : Math.max(s.reached() == 0 ? 0 : 1.5, 100.0 * s.reached() / largest))).toList();
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
