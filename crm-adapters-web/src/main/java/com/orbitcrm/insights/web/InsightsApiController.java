package com.orbitcrm.insights.web;

import com.orbitcrm.insights.Amounts;
import com.orbitcrm.insights.Dashboard;
import com.orbitcrm.insights.Forecast;
import com.orbitcrm.insights.app.InsightsService;
import com.orbitcrm.insights.app.InsightsService.Query;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.Money;
import com.orbitcrm.platform.web.MoneyFormat;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/crm/dashboard} (the eight metrics) and {@code /api/crm/forecast} (the weighted forecast by
 * month): money as exact decimal strings, one amount per currency, the workspace's main currency first.
 */
@RestController
class InsightsApiController {

  private final InsightsService insights;

  InsightsApiController(InsightsService insights) {
    this.insights = insights;
  }

  record AmountJson(String currency, String amount) {
    static List<AmountJson> of(Amounts amounts) {
      return amounts.amounts().stream().map(AmountJson::of).toList();
    }

    static AmountJson of(Money m) {
      return new AmountJson(m.currency(), MoneyFormat.exact(m.amount()));
    }
  }

  record PeriodJson(String key, @Nullable LocalDate from, @Nullable LocalDate to) {}

  record ClosedJson(long count, List<AmountJson> value) {}

  record DashboardJson(PeriodJson period, String timeZone, String currency, @Nullable String ownerId, long openDeals,
                       List<AmountJson> pipelineValue, List<AmountJson> weightedValue, ClosedJson wonThisMonth,
                       ClosedJson lostThisMonth, @Nullable String conversionRate, List<AmountJson> averageDealSize,
                       @Nullable String averageSalesCycleDays) {}

  @GetMapping("/api/crm/dashboard")
  DashboardJson dashboard(@RequestParam(required = false) @Nullable String period,
                          @RequestParam(required = false) @Nullable String from,
                          @RequestParam(required = false) @Nullable String to,
                          @RequestParam(required = false) @Nullable String ownerId,
                          @RequestParam(required = false) @Nullable String pipelineId) {
    var metrics = insights.metrics(new Query(period, from, to, ownerId, pipelineId));
    Dashboard d = metrics.dashboard();
    return new DashboardJson(new PeriodJson(d.period().kind().key(), d.period().from(), d.period().to()),
        metrics.workspace().timeZone().getId(), metrics.workspace().currency(),
        metrics.owner() == null ? null : metrics.owner().toString(), d.openDeals(), AmountJson.of(d.pipelineValue()),
        AmountJson.of(d.weightedValue()), closed(d.wonThisMonth()), closed(d.lostThisMonth()),
        d.conversionRate() == null ? null : d.conversionRate().toPlainString(), AmountJson.of(d.averageDealSize()),
        d.averageSalesCycleDays() == null ? null : d.averageSalesCycleDays().toPlainString());
  }

  private static ClosedJson closed(Dashboard.Closed c) {
    return new ClosedJson(c.count(), AmountJson.of(c.value()));
  }

  record MonthJson(String month, long deals, long overdue, String total, String weighted, Map<String, String> byStage) {}

  record SeriesJson(String currency, List<MonthJson> months) {}

  record ForecastJson(List<String> months, List<SeriesJson> series, long withoutCloseDate) {}

  @GetMapping("/api/crm/forecast")
  ForecastJson forecast(@RequestParam(required = false) @Nullable String months,
                        @RequestParam(required = false) @Nullable String ownerId,
                        @RequestParam(required = false) @Nullable String pipelineId) {
    int count = InsightsService.FORECAST_MONTHS;
    if (months != null && !months.isBlank()) {
      try {
        count = Integer.parseInt(months.strip());
      } catch (NumberFormatException e) {
        throw InvalidInputException.of("months", "must be a whole number");
      }
    }
    Forecast f = insights.forecast(ownerId, pipelineId, count);
    return new ForecastJson(f.months().stream().map(Object::toString).toList(), f.series().stream()
        .map(s -> new SeriesJson(s.currency(), s.months().stream().map(m -> {
          var byStage = new LinkedHashMap<String, String>();
          m.weightedByStage().forEach((stage, w) -> byStage.put(stage, MoneyFormat.exact(w.amount())));
          return new MonthJson(m.month().toString(), m.deals(), m.overdue(), MoneyFormat.exact(m.total().amount()),
              MoneyFormat.exact(m.weighted().amount()), byStage);
        }).toList())).toList(), f.withoutCloseDate());
  }

}
