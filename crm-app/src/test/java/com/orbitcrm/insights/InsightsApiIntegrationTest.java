package com.orbitcrm.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/crm/dashboard} and {@code /api/crm/forecast} on the real application and database, over a
 * fresh workspace (time zone UTC, main currency USD) whose deals and expected figures are worked out by
 * hand below.
 */
@OrbitIntegrationTest
class InsightsApiIntegrationTest {

  @LocalServerPort int port;
  Api api;
  Api.Account owner;
  LocalDate today;
  String proposalId;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Insights " + UUID.randomUUID());
    api = anonymous.bearer(anonymous.tokenFor(owner));
    today = LocalDate.now(ZoneOffset.UTC);
    // Open: 1,000 USD lead (10 %, expected last month: overdue), 2,000.50 USD proposal (50 %, next month), 500 EUR negotiation
    // (75 %, no expected close date).
    create("""
        {"name": "Lead", "value": "1000", "ownerId": "%s", "expectedCloseDate": "%s"}"""
        .formatted(owner.userId(), YearMonth.from(today).minusMonths(1).atDay(15)));
    proposalId = create("""
        {"name": "Proposal", "value": "2000.50", "stage": "proposal", "expectedCloseDate": "%s"}"""
        .formatted(YearMonth.from(today).plusMonths(1).atDay(1))).get("id").asString();
    create("{\"name\": \"Euro\", \"value\": \"500\", \"currency\": \"EUR\", \"stage\": \"negotiation\"}");
    // Closed: won today after 10 days, lost today after 4 days, won 380 days ago after 20 days.
    create("""
        {"name": "Won", "value": "3000", "stage": "closed_won", "createdAt": "%sT12:00:00Z"}"""
        .formatted(today.minusDays(10)));
    create("""
        {"name": "Lost", "value": "1000", "stage": "closed_lost", "lostReason": "Price",
         "createdAt": "%sT08:00:00Z"}""".formatted(today.minusDays(4)));
    create("""
        {"name": "Old win", "value": "4000", "stage": "closed_won", "createdAt": "%sT12:00:00Z",
         "actualCloseDate": "%s"}""".formatted(today.minusDays(400), today.minusDays(380)));
  }

  private JsonNode create(String json) {
    var r = api.post("/api/crm/deals", json);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  private JsonNode dashboard(String query) {
    var r = api.get("/api/crm/dashboard" + query);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  /** Amounts as "CUR amount" strings, in the order the API gives them. */
  private static List<String> amounts(JsonNode list) {
    List<String> result = new ArrayList<>();
    list.forEach(a -> result.add(a.get("currency").asString() + " " + a.get("amount").asString()));
    return result;
  }

  @Test
  void theEightMetricsOfThisMonth() {
    var d = dashboard("");
    assertThat(d.get("period").get("key").asString()).isEqualTo("this_month");
    assertThat(d.get("period").get("from").asString()).isEqualTo(today.withDayOfMonth(1).toString());
    assertThat(d.get("timeZone").asString()).isEqualTo("UTC");
    assertThat(d.get("openDeals").asLong()).isEqualTo(3);
    // The main currency first, then the others.
    assertThat(amounts(d.get("pipelineValue"))).containsExactly("USD 3000.50", "EUR 500.00");
    // 1000 × 10 % + 2000.50 × 50 % = 100 + 1000.25; 500 × 75 %.
    assertThat(amounts(d.get("weightedValue"))).containsExactly("USD 1100.25", "EUR 375.00");
    assertThat(d.get("wonThisMonth").get("count").asLong()).isEqualTo(1);
    assertThat(amounts(d.get("wonThisMonth").get("value"))).containsExactly("USD 3000.00");
    assertThat(d.get("lostThisMonth").get("count").asLong()).isEqualTo(1);
    assertThat(amounts(d.get("lostThisMonth").get("value"))).containsExactly("USD 1000.00");
    assertThat(d.get("conversionRate").asString()).isEqualTo("50.0");
    assertThat(amounts(d.get("averageDealSize"))).containsExactly("USD 3000.00");
    assertThat(d.get("averageSalesCycleDays").asString()).isEqualTo("10.0");
  }

  @Test
  void thePeriodNarrowsTheClosedMetricsOnly() {
    var all = dashboard("?period=all_time");
    // Won 3000 and 4000, lost 1000: 2 of 3 closed were won.
    assertThat(all.get("conversionRate").asString()).isEqualTo("66.7");
    assertThat(amounts(all.get("averageDealSize"))).containsExactly("USD 3500.00");
    assertThat(all.get("averageSalesCycleDays").asString()).isEqualTo("15.0");
    // This month's cards stay this month's.
    assertThat(all.get("wonThisMonth").get("count").asLong()).isEqualTo(1);
    assertThat(all.get("openDeals").asLong()).isEqualTo(3);

    // A custom range around the old win alone.
    var old = dashboard("?period=custom&from=%s&to=%s".formatted(today.minusDays(381), today.minusDays(379)));
    assertThat(old.get("conversionRate").asString()).isEqualTo("100.0");
    assertThat(old.get("averageSalesCycleDays").asString()).isEqualTo("20.0");

    // A period with nothing closed has no rate and no averages, rather than zeros.
    var empty = dashboard("?period=custom&from=2001-01-01&to=2001-12-31");
    assertThat(empty.get("conversionRate").isNull()).isTrue();
    assertThat(empty.get("averageDealSize").size()).isZero();
    assertThat(empty.get("averageSalesCycleDays").isNull()).isTrue();
  }

  @Test
  void anOwnerNarrowsEveryMetric() {
    var mine = dashboard("?ownerId=" + owner.userId());
    assertThat(mine.get("ownerId").asString()).isEqualTo(owner.userId());
    assertThat(mine.get("openDeals").asLong()).isEqualTo(1);
    assertThat(amounts(mine.get("pipelineValue"))).containsExactly("USD 1000.00");
    assertThat(mine.get("wonThisMonth").get("count").asLong()).isZero();
    assertThat(mine.get("conversionRate").isNull()).isTrue();
  }

  @Test
  void aMovedDealShowsOnTheNextRead() {
    var before = dashboard("");
    var won = api.patch("/api/crm/deals/" + proposalId + "/stage", "{\"stage\": \"closed_won\"}");
    assertThat(won.status()).as(won.toString()).isEqualTo(200);
    var after = dashboard("");
    assertThat(before.get("wonThisMonth").get("count").asLong()).isEqualTo(1);
    assertThat(after.get("wonThisMonth").get("count").asLong()).isEqualTo(2);
    assertThat(amounts(after.get("wonThisMonth").get("value"))).containsExactly("USD 5000.50");
    assertThat(after.get("openDeals").asLong()).isEqualTo(2);
    // 2 won of 3 closed this month.
    assertThat(after.get("conversionRate").asString()).isEqualTo("66.7");
    assertThat(amounts(after.get("weightedValue"))).containsExactly("USD 100.00", "EUR 375.00");
  }

  @Test
  void theForecastByExpectedCloseMonth() {
    var r = api.get("/api/crm/forecast?months=12");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    var f = r.json();
    assertThat(f.get("months").size()).isEqualTo(12);
    assertThat(f.get("months").get(0).asString()).isEqualTo(YearMonth.from(today).toString());
    assertThat(f.get("withoutCloseDate").asLong()).isEqualTo(1);
    var usd = f.get("series").get(0);
    assertThat(usd.get("currency").asString()).isEqualTo("USD");
    // The overdue lead counts in this month; the proposal in the next.
    var thisMonth = usd.get("months").get(0);
    assertThat(thisMonth.get("deals").asLong()).isEqualTo(1);
    assertThat(thisMonth.get("overdue").asLong()).isEqualTo(1);
    assertThat(thisMonth.get("total").asString()).isEqualTo("1000.00");
    assertThat(thisMonth.get("weighted").asString()).isEqualTo("100.00");
    assertThat(thisMonth.get("byStage").get("lead").asString()).isEqualTo("100.00");
    var nextMonth = usd.get("months").get(1);
    assertThat(nextMonth.get("weighted").asString()).isEqualTo("1000.25");
    assertThat(nextMonth.get("byStage").get("proposal").asString()).isEqualTo("1000.25");
    assertThat(usd.get("months").get(2).get("deals").asLong()).isZero();

    assertThat(api.get("/api/crm/forecast?months=3").json().get("months").size()).isEqualTo(3);
  }

  @Test
  void badQueriesAreFourHundredsThatNameTheField() {
    assertField(api.get("/api/crm/dashboard?period=fortnight"), "period");
    assertField(api.get("/api/crm/dashboard?period=custom"), "from");
    assertField(api.get("/api/crm/dashboard?period=custom&from=2026-02-30"), "from");
    assertField(api.get("/api/crm/dashboard?period=custom&from=2026-03-01&to=2026-02-01"), "to");
    assertField(api.get("/api/crm/dashboard?ownerId=nobody"), "ownerId");
    // Someone who is not a member of this workspace (the owner of another one).
    var stranger = new Api(port).signUp("Stranger " + UUID.randomUUID());
    assertField(api.get("/api/crm/dashboard?ownerId=" + stranger.userId()), "ownerId");
    assertField(api.get("/api/crm/forecast?months=0"), "months");
    assertField(api.get("/api/crm/forecast?months=25"), "months");
    assertField(api.get("/api/crm/forecast?months=twelve"), "months");
    // A deal's history must hold together.
    assertField(api.post("/api/crm/deals", "{\"name\": \"X\", \"createdAt\": \"yesterday\"}"), "createdAt");
    assertField(api.post("/api/crm/deals", "{\"name\": \"X\", \"createdAt\": \"%sT00:00:00Z\"}"
        .formatted(today.plusDays(2))), "createdAt");
    assertField(api.post("/api/crm/deals", "{\"name\": \"X\", \"actualCloseDate\": \"%s\"}".formatted(today)),
        "actualCloseDate");
    assertField(api.post("/api/crm/deals", """
        {"name": "X", "stage": "closed_won", "createdAt": "%sT00:00:00Z", "actualCloseDate": "%s"}"""
        .formatted(today.minusDays(3), today.minusDays(9))), "actualCloseDate");
    assertThat(api.get("/api/crm/deals?limit=200").json().size()).isEqualTo(6);
  }

  private static void assertField(Api.Response r, String field) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").findValuesAsString("field")).as(r.toString()).contains(field);
  }
}
