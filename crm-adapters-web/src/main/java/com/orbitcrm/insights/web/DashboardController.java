package com.orbitcrm.insights.web;

import com.orbitcrm.deals.Stage;
import com.orbitcrm.insights.Amounts;
import com.orbitcrm.insights.Dashboard;
import com.orbitcrm.insights.Forecast;
import com.orbitcrm.insights.Period;
import com.orbitcrm.insights.PeriodKind;
import com.orbitcrm.insights.app.InsightsService;
import com.orbitcrm.insights.app.InsightsService.Overview;
import com.orbitcrm.insights.app.InsightsService.Query;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.Money;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.web.MoneyFormat;
import com.orbitcrm.tenancy.app.MemberService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard, where a signed-in person lands: the eight metrics (each linking to the deals behind it),
 * the weighted forecast, the funnel, and won against lost per month — each chart with its numbers as a
 * table and a CSV download. A period and an owner narrow it; the figures are computed on every load.
 */
@Controller
class DashboardController {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);

  private final InsightsService insights;
  private final MemberService members;

  DashboardController(InsightsService insights, MemberService members) {
    this.insights = insights;
    this.members = members;
  }

  /** The dashboard's filters as the page holds them (also its URL). */
  record Filters(@Nullable String period, @Nullable String from, @Nullable String to, @Nullable String ownerId,
                 @Nullable String currency, @Nullable String pipelineId) {

    Query query() {
      return new Query(period, from, to, ownerId, pipelineId);
    }

    public String periodKey() {
      return period == null || period.isBlank() ? PeriodKind.THIS_MONTH.key() : period;
    }

    public boolean custom() {
      return PeriodKind.CUSTOM.key().equals(periodKey());
    }

    /** "?period=…&ownerId=…" for CSV links and the like. */
    public String query(String... extra) {
      var b = UriComponentsBuilder.newInstance();
      b.queryParam("period", periodKey());
      if (from != null && !from.isBlank()) b.queryParam("from", from);
      if (to != null && !to.isBlank()) b.queryParam("to", to);
      if (ownerId != null && !ownerId.isBlank()) b.queryParam("ownerId", ownerId);
      if (pipelineId != null && !pipelineId.isBlank()) b.queryParam("pipelineId", pipelineId);
      for (int i = 0; i + 1 < extra.length; i += 2) {
        b.queryParam(extra[i], extra[i + 1]);
      }
      return b.build().encode().toUriString();
    }
  }

  /** One figure: its name, its value (the main currency's), the other currencies', and the deals behind it. */
  record Kpi(String id, String label, String value, List<String> others, @Nullable String hint, String link) {}

  @GetMapping("/dashboard")
  String dashboard(@ModelAttribute("filters") Filters filters, Model model) {
    model.addAttribute("team", members.members());
    model.addAttribute("periods", PeriodKind.values());
    model.addAttribute("pipelines", insights.pipelines());
    try {
      Overview overview = insights.overview(filters.query());
      fill(model, overview, filters);
      model.addAttribute("filterError", null);
    } catch (InvalidInputException e) {
      model.addAttribute("filterError", e.getMessage());
      model.addAttribute("overview", null);
    }
    return "insights/dashboard";
  }

  /** A filter changed: the figures and charts alone. */
  @HxRequest(target = "dashboard-body")
  @GetMapping("/dashboard")
  String body(@ModelAttribute("filters") Filters filters, Model model) {
    dashboard(filters, model);
    return "insights/dashboard :: figures";
  }

  private void fill(Model model, Overview o, Filters filters) {
    Dashboard d = o.dashboard();
    String main = o.workspace().currency();
    model.addAttribute("overview", o);
    model.addAttribute("periodLabel", periodLabel(d.period()));
    model.addAttribute("kpis", kpis(d, o, filters));
    List<Stage> open = o.pipeline().stages().stream().filter(Stage::open).toList();
    String currency = filters.currency() != null && o.forecast().series().stream()
        .anyMatch(s -> s.currency().equals(filters.currency())) ? filters.currency() : main;
    Forecast.Series series = o.forecast().series().stream().filter(s -> s.currency().equals(currency)).findFirst()
        .orElse(null);
    model.addAttribute("forecastCurrency", currency);
    model.addAttribute("forecastCurrencies", o.forecast().series().stream().map(Forecast.Series::currency).toList());
    model.addAttribute("forecastSeries", series);
    model.addAttribute("forecastStages", open);
    model.addAttribute("forecastChart", series == null ? null : Charts.forecast(series, open));
    model.addAttribute("funnelBars", Charts.funnel(o.funnel()));
    model.addAttribute("wonLostChart", Charts.wonLost(o.wonLost()));
    model.addAttribute("main", main);
  }

  private static List<Kpi> kpis(Dashboard d, Overview o, Filters f) {
    String owner = f.ownerId() == null || f.ownerId().isBlank() ? "" : "&ownerId=" + f.ownerId();
    String board = "/pipeline" + (owner.isEmpty() ? "" : "?" + owner.substring(1));
    Period month = Period.month(o.today());
    String thisMonth = "closedFrom=" + month.from() + "&closedTo=" + month.to() + owner;
    String inPeriod = (d.period().from() == null ? "" : "closedFrom=" + d.period().from() + "&")
        + (d.period().to() == null ? "" : "closedTo=" + d.period().to()) + owner;
    String main = o.workspace().currency();
    var kpis = new ArrayList<Kpi>();
    kpis.add(new Kpi("open-deals", "Open deals", String.valueOf(d.openDeals()), List.of(), null, board));
    kpis.add(money("pipeline-value", "Pipeline value", d.pipelineValue(), main, null, board));
    kpis.add(money("weighted-value", "Weighted value", d.weightedValue(), main, "value × probability", board));
    kpis.add(new Kpi("won-this-month", "Won this month", String.valueOf(d.wonThisMonth().count()),
        others(d.wonThisMonth().value(), null), null, "/deals?status=won&" + thisMonth));
    kpis.add(new Kpi("lost-this-month", "Lost this month", String.valueOf(d.lostThisMonth().count()),
        others(d.lostThisMonth().value(), null), null, "/deals?status=lost&" + thisMonth));
    kpis.add(new Kpi("conversion-rate", "Conversion rate", d.conversionRate() == null ? "—"
        : d.conversionRate().toPlainString() + "%", List.of(), "won of won and lost", "/deals?status=closed&"
        + inPeriod));
    kpis.add(money("average-deal-size", "Average deal size", d.averageDealSize(), main, "won deals",
        "/deals?status=won&" + inPeriod));
    kpis.add(new Kpi("average-sales-cycle", "Average sales cycle", d.averageSalesCycleDays() == null ? "—"
        : days(d.averageSalesCycleDays()), List.of(), "from added to won", "/deals?status=won&" + inPeriod));
    return kpis;
  }

  private static Kpi money(String id, String label, Amounts amounts, String main, @Nullable String hint, String link) {
    Money first = amounts.isEmpty() ? Money.zero(main) : amounts.amounts().getFirst();
    return new Kpi(id, label, MoneyFormat.compact(first), others(amounts, first.currency()), hint, link);
  }

  /** The amounts in other currencies than {@code shown}, written out. */
  private static List<String> others(Amounts amounts, @Nullable String shown) {
    return amounts.amounts().stream().filter(m -> !m.currency().equals(shown)).map(MoneyFormat::compact).toList();
  }

  private static String days(BigDecimal days) {
    return days.stripTrailingZeros().toPlainString() + (days.compareTo(BigDecimal.ONE) == 0 ? " day" : " days");
  }

  /** "This month, 1 Nov 2026 – 30 Nov 2026"; "All time"; a custom range as its dates alone. */
  static String periodLabel(Period p) {
    if (p.from() == null) {
      return p.kind().label();
    }
    String range = DAY.format(p.from()) + " – " + DAY.format(p.to());
    return p.kind() == PeriodKind.CUSTOM ? range : p.kind().label() + ", " + range;
  }

  // ---- CSV downloads: each chart's numbers ------------------------------------------------------------

  @GetMapping("/dashboard/{chart}.csv")
  ResponseEntity<String> csv(@PathVariable String chart, @ModelAttribute Filters filters) {
    Overview o = insights.overview(filters.query());
    var csv = new StringBuilder();
    switch (chart) {
      case "forecast" -> {
        csv.append("currency,month,open_deals,overdue_included,total,weighted");
        var stages = o.pipeline().stages().stream().filter(Stage::open).toList();
        stages.forEach(s -> csv.append(",weighted_").append(s.key()));
        csv.append('\n');
        for (Forecast.Series series : o.forecast().series()) {
          for (Forecast.Month m : series.months()) {
            csv.append(series.currency()).append(',').append(m.month()).append(',').append(m.deals()).append(',')
                .append(m.overdue()).append(',').append(m.total().amount().toPlainString()).append(',')
                .append(m.weighted().amount().toPlainString());
            stages.forEach(s -> csv.append(',').append(m.weightedByStage().get(s.key()).amount().toPlainString()));
            csv.append('\n');
          }
        }
      }
      case "funnel" -> {
        csv.append("stage,reached,conversion_from_previous_percent\n");
        o.funnel().steps().forEach(s -> csv.append(s.stage().key()).append(',').append(s.reached()).append(',')
            .append(s.conversion() == null ? "" : s.conversion().toPlainString()).append('\n'));
      }
      case "won-lost" -> {
        csv.append("month,won,lost,currency,won_value,lost_value\n");
        for (var m : o.wonLost().months()) {
          var currencies = new TreeSet<String>();
          m.wonValue().amounts().forEach(v -> currencies.add(v.currency()));
          m.lostValue().amounts().forEach(v -> currencies.add(v.currency()));
          if (currencies.isEmpty()) {
            currencies.add(o.workspace().currency());
          }
          for (String c : currencies) {
            csv.append(m.month()).append(',').append(m.won()).append(',').append(m.lost()).append(',').append(c)
                .append(',').append(m.wonValue().in(c).amount().toPlainString()).append(',')
                .append(m.lostValue().in(c).amount().toPlainString()).append('\n');
          }
        }
      }
      default -> throw new NotFoundException("Chart");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chart + "-" + o.today() + ".csv\"")
        .body(csv.toString());
  }
}
