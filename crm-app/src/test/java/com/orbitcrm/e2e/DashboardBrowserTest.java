package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.orbitcrm.Api;
import com.orbitcrm.demo.DemoAccounts;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard as a person uses it: the eight figures, the three charts, filters, and a deal won on the board. */
class DashboardBrowserTest extends BrowserTest {

  private static final String[] KPIS = {"open-deals", "pipeline-value", "weighted-value", "won-this-month",
      "lost-this-month", "conversion-rate", "average-deal-size", "average-sales-cycle"};

  /** The elements that stick out to the right of the window (none, on a page that fits a phone). */
  static final String WIDER_THAN_THE_SCREEN = """
      () => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
        .filter(e => !e.closest('.table-wrap, .chart, .nav, .sr-only'))
        .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')
          + '[' + Math.round(e.getBoundingClientRect().right) + ' in ' + e.parentElement.tagName.toLowerCase()
          + '.' + [...e.parentElement.classList].join('.') + ']')
        .slice(0, 8).join(' ')
        + (document.documentElement.scrollWidth > window.innerWidth + 1
           ? ' (page ' + document.documentElement.scrollWidth + ' px wide)' : '')""";

  private Locator kpi(String id) {
    return page.getByTestId("kpi-" + id).locator(".kpi-value");
  }

  @Test
  void theDemoWorkspaceShowsTheEightFiguresAndTheThreeCharts() {
    signIn(DemoAccounts.OWNER_EMAIL, DemoAccounts.OWNER_PASSWORD);
    for (String id : KPIS) {
      assertThat(kpi(id)).isVisible();
    }
    assertThat(page.locator(".kpi")).hasCount(8);
    assertThat(kpi("open-deals")).hasText(Pattern.compile("[1-9][0-9]*"));
    assertThat(kpi("pipeline-value")).hasText(Pattern.compile("\\$[0-9.]+[KM]?"));
    assertThat(page.locator("svg[aria-label^='Weighted forecast']")).isVisible();
    assertThat(page.locator("svg[aria-label^='Won and lost']")).isVisible();
    assertThat(page.getByTestId("funnel").locator("li")).hasCount(5);    // lead to closed won: lost is not a step
    assertThat(page.getByTestId("forecast-table").locator("tbody tr")).hasCount(12);
    assertThat(page.locator(".flash-error")).hasCount(0);
    screenshot("50-dashboard");

    // A phone: the figures stack, nothing is wider than the screen.
    page.setViewportSize(390, 844);
    page.reload();
    assertThat(kpi("open-deals")).isVisible();
    screenshot("51-dashboard-phone");
    assertThat(page.evaluate(WIDER_THAN_THE_SCREEN)).as("elements wider than the screen").isEqualTo("");
  }

  @Test
  void aDealWonOnTheBoardShowsOnTheDashboard() {
    var anonymous = new Api(port);
    var owner = anonymous.signUp("Dash " + UUID.randomUUID().toString().substring(0, 6));
    var api = anonymous.bearer(anonymous.tokenFor(owner));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String endOfMonth = YearMonth.from(today).atEndOfMonth().toString();
    api.post("/api/crm/deals", """
        {"name": "Robot arms", "value": "12000", "stage": "negotiation", "expectedCloseDate": "%s"}"""
        .formatted(endOfMonth));
    api.post("/api/crm/deals", """
        {"name": "Spare parts", "value": "1000", "expectedCloseDate": "%s"}""".formatted(endOfMonth));
    api.post("/api/crm/deals", """
        {"name": "Old conveyor", "value": "2000", "stage": "closed_lost", "lostReason": "Price"}""");

    signIn(owner.email(), owner.password());
    assertThat(kpi("open-deals")).hasText("2");
    assertThat(kpi("won-this-month")).hasText("0");
    assertThat(kpi("lost-this-month")).hasText("1");
    assertThat(kpi("conversion-rate")).hasText("0.0%");
    assertThat(kpi("weighted-value")).hasText("$9,100");         // 12,000 × 75 % + 1,000 × 10 %
    String month = YearMonth.from(today).atDay(1).format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.US));
    Locator thisMonth = page.getByTestId("forecast-table").locator("tbody tr").first();
    assertThat(thisMonth.locator("th")).hasText(month);
    assertThat(thisMonth).containsText("$9,100");

    // Won from the deal's panel on the board.
    page.navigate("/pipeline");
    page.locator(".deal-card", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Robot arms"))
        .locator(".deal-name").click();
    var panel = page.getByTestId("deal-panel");
    panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Closed Won")).click();
    assertThat(panel.locator(".stage-bar li.current")).hasText("Closed Won");

    page.navigate("/dashboard");
    assertThat(kpi("won-this-month")).hasText("1");
    assertThat(page.getByTestId("kpi-won-this-month")).containsText("$12K");
    assertThat(kpi("open-deals")).hasText("1");
    assertThat(kpi("conversion-rate")).hasText("50.0%");
    assertThat(kpi("average-deal-size")).hasText("$12K");
    assertThat(kpi("weighted-value")).hasText("$100");
    assertThat(page.getByTestId("forecast-table").locator("tbody tr").first()).containsText("$100");
    screenshot("52-dashboard-after-win");

    // The card leads to the deals behind it.
    page.getByTestId("kpi-won-this-month").click();
    page.waitForURL("**/deals?status=won**");
    assertThat(page.getByTestId("deal-row")).hasCount(1);
    assertThat(page.getByTestId("deal-row")).containsText("Robot arms");
    assertThat(page.locator(".empty-row")).isHidden();                 // "No deals match" only when none do
    assertThat(page.locator("nav.nav a.active")).hasText("Pipeline");
    screenshot("53-deals-won-this-month");
  }

  @Test
  void thePeriodAndOwnerFiltersRedrawTheFiguresInPlace() {
    var anonymous = new Api(port);
    var owner = anonymous.signUp("Filters " + UUID.randomUUID().toString().substring(0, 6));
    var api = anonymous.bearer(anonymous.tokenFor(owner));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    api.post("/api/crm/deals", """
        {"name": "Last year's win", "value": "5000", "stage": "closed_won", "createdAt": "%sT10:00:00Z",
         "actualCloseDate": "%s"}""".formatted(today.minusDays(430), today.minusDays(400)));
    api.post("/api/crm/deals", """
        {"name": "Mine", "value": "700", "ownerId": "%s"}""".formatted(owner.userId()));
    api.post("/api/crm/deals", "{\"name\": \"Nobody's\", \"value\": \"300\"}");

    signIn(owner.email(), owner.password());
    page.evaluate("window.__sameDocument = true");
    assertThat(kpi("conversion-rate")).hasText("—");
    assertThat(kpi("average-sales-cycle")).hasText("—");

    page.getByTestId("dashboard-period").selectOption("all_time");
    assertThat(kpi("conversion-rate")).hasText("100.0%");
    assertThat(kpi("average-sales-cycle")).hasText("30 days");
    assertThat(page).hasURL(Pattern.compile(".*period=all_time.*"));

    page.getByTestId("dashboard-owner").selectOption(owner.userId());
    assertThat(kpi("open-deals")).hasText("1");
    assertThat(kpi("pipeline-value")).hasText("$700");
    assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);

    // A custom range shows its dates; a reversed one is a message, not an error page.
    page.getByTestId("dashboard-owner").selectOption("");
    page.getByTestId("dashboard-period").selectOption("custom");
    page.locator("#dashboard-from").fill("2026-03-01");
    page.locator("#dashboard-to").fill("2026-02-01");
    page.locator("#dashboard-to").dispatchEvent("change");
    assertThat(page.locator(".flash-error")).containsText("to");
    assertThat(page.locator(".kpi")).hasCount(0);
  }
}
