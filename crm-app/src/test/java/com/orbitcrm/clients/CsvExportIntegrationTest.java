package com.orbitcrm.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CSV exports of the clients and deals lists on the real application and database: the list's filters
 * (custom fields too), the API's field names as header, values as the API writes them, formulas neutralised,
 * nothing of another workspace, and a 400 before the first byte for a bad filter.
 */
@OrbitIntegrationTest
class CsvExportIntegrationTest {

  @LocalServerPort int port;
  Api api;
  Api other;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    api = anonymous.bearer(anonymous.tokenFor(anonymous.signUp("Export " + UUID.randomUUID())));
    other = anonymous.bearer(anonymous.tokenFor(anonymous.signUp("Other " + UUID.randomUUID())));
  }

  static List<List<String>> rows(Api.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/csv");
    assertThat(r.body()).doesNotStartWith("\uFEFF").contains("\r\n");
    return CsvReader.builder().ofCsvRecord(r.body()).stream().map(CsvRecord::getFields).toList();
  }

  @Test
  void clientsComeWithTheListsFiltersTheirCustomFieldsAndNothingElse() {
    assertThat(api.post("/api/crm/custom-fields", """
        {"entityType": "client", "fieldLabel": "Tier", "fieldType": "select", "options": ["Gold", "Silver"]}""")
        .status()).isEqualTo(201);
    assertThat(api.post("/api/crm/custom-fields", """
        {"entityType": "client", "fieldLabel": "Products", "fieldType": "multiselect", "options": ["CRM", "Mail", "Phone"]}""")
        .status()).isEqualTo(201);
    String acme = api.post("/api/clients", """
        {"name": "Acme, Inc.", "contactEmail": "ann@acme.example", "city": "Austin", "estimatedMonthlySpend": 1200.50,
         "status": "active", "customFields": {"tier": "gold", "products": ["phone", "crm"]}}""").text("id");
    api.post("/api/clients", """
        {"name": "=HYPERLINK(\\"http://evil.example\\",\\"Click\\")", "contactName": "@admin", "status": "active",
         "customFields": {"tier": "gold"}}""");
    api.post("/api/clients", """
        {"name": "Beta", "status": "active", "customFields": {"tier": "silver"}}""");
    api.post("/api/clients", """
        {"name": "Churned Co", "status": "churned", "customFields": {"tier": "gold"}}""");
    other.post("/api/clients", """
        {"name": "Acme of another workspace", "status": "active"}""");

    var rows = rows(api.get("/api/clients/export?status=active&cf.tier=gold&sort=-name"));

    var header = rows.getFirst();
    assertThat(header.subList(0, 18)).containsExactly("id", "name", "contactName", "contactEmail", "contactPhone",
        "industry", "addressLine1", "addressLine2", "city", "state", "zipCode", "estimatedMonthlySpend", "status",
        "accountOwnerId", "accountOwnerName", "companyId", "createdAt", "updatedAt");
    assertThat(header.subList(18, 20)).containsExactlyInAnyOrder("customFields.tier", "customFields.products");
    int tier = header.indexOf("customFields.tier");
    int products = header.indexOf("customFields.products");
    assertThat(rows).hasSize(3);
    // Sorted by name descending: "Acme, Inc." before "=HYPERLINK…" (name keys ignore the punctuation).
    var first = rows.get(1);
    assertThat(first.get(0)).isEqualTo(acme);
    assertThat(first.get(1)).isEqualTo("Acme, Inc.");
    assertThat(first.get(3)).isEqualTo("ann@acme.example");
    assertThat(first.get(8)).isEqualTo("Austin");
    assertThat(first.get(11)).isEqualTo("1200.50");
    assertThat(first.get(12)).isEqualTo("active");
    assertThat(first.get(tier)).isEqualTo("gold");
    assertThat(first.get(products)).isEqualTo("crm;phone");
    assertThat(first.get(16)).isEqualTo(api.get("/api/clients/" + acme).text("createdAt"));
    var formula = rows.get(2);
    assertThat(formula.get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Click\")");
    assertThat(formula.get(2)).isEqualTo("'@admin");
    assertThat(formula.get(tier)).isEqualTo("gold");
    assertThat(formula.get(products)).isEmpty();

    // Ordered by a custom field as the list is: silver before gold when descending, all four clients.
    var byTier = rows(api.get("/api/clients/export?sort=-cf.tier"));
    assertThat(byTier).hasSize(5);
    assertThat(byTier.get(1).get(1)).isEqualTo("Beta");
    assertThat(byTier.subList(2, 5)).allMatch(row -> row.get(tier).equals("gold"));
  }

  @Test
  void anExportOfNothingIsTheHeaderAndABadFilterIsA400BeforeAnyCsv() {
    var empty = rows(api.get("/api/clients/export?search=nobody"));
    assertThat(empty).hasSize(1);
    assertThat(empty.getFirst().getFirst()).isEqualTo("id");

    var bad = api.get("/api/clients/export?status=bogus&cf.nope=1");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    var badDeals = api.get("/api/crm/deals/export?closedFrom=yesterday");
    assertThat(badDeals.status()).isEqualTo(400);
    assertThat(badDeals.body()).contains("closedFrom");
  }

  @Test
  void dealsComeNewestFirstWithTheirClientStageAndHistory() {
    assertThat(api.post("/api/crm/custom-fields", """
        {"entityType": "deal", "fieldLabel": "Budget", "fieldType": "number"}""").status()).isEqualTo(201);
    String client = api.post("/api/clients", "{\"name\": \"Globex\"}").text("id");
    String won = api.post("/api/crm/deals", """
        {"name": "Globex renewal", "clientId": "%s", "value": 5000, "currency": "EUR", "stage": "closed_won",
         "createdAt": "2026-03-01T09:00:00Z", "actualCloseDate": "2026-04-15", "customFields": {"budget": 7500}}"""
        .formatted(client)).text("id");
    api.post("/api/crm/deals", """
        {"name": "-1 discount deal", "value": 100, "stage": "lead"}""");
    other.post("/api/crm/deals", "{\"name\": \"Not ours\", \"stage\": \"closed_won\"}");

    var all = rows(api.get("/api/crm/deals/export"));
    assertThat(all.getFirst()).startsWith("id", "name", "description", "pipelineId", "stage", "stageLabel", "value", "currency")
        .endsWith("createdAt", "updatedAt", "customFields.budget");
    assertThat(all).hasSize(3);
    assertThat(all.get(1).get(1)).isEqualTo("'-1 discount deal");
    assertThat(all.get(2).get(0)).isEqualTo(won);

    var closed = rows(api.get("/api/crm/deals/export?status=won"));
    assertThat(closed).hasSize(2);
    var row = closed.get(1);
    var header = closed.getFirst();
    assertThat(row.get(header.indexOf("stage"))).isEqualTo("closed_won");
    assertThat(row.get(header.indexOf("pipelineId"))).isEqualTo(api.get("/api/crm/deals/" + won).text("pipelineId"));
    assertThat(row.get(header.indexOf("stageLabel"))).isEqualTo("Closed Won");
    assertThat(row.get(header.indexOf("value"))).isEqualTo(api.get("/api/crm/deals/" + won).text("value"));
    assertThat(row.get(header.indexOf("currency"))).isEqualTo("EUR");
    assertThat(row.get(header.indexOf("probability"))).isEqualTo("100");
    assertThat(row.get(header.indexOf("clientId"))).isEqualTo(client);
    assertThat(row.get(header.indexOf("clientName"))).isEqualTo("Globex");
    assertThat(row.get(header.indexOf("actualCloseDate"))).isEqualTo("2026-04-15");
    assertThat(row.get(header.indexOf("createdAt"))).isEqualTo("2026-03-01T09:00:00Z");
    assertThat(row.get(header.indexOf("customFields.budget"))).isEqualTo("7500");
  }

  @Test
  void anExportImportsBackUnchangedIntoAnotherWorkspace() throws Exception {
    String tier = """
        {"entityType": "client", "fieldLabel": "Tier", "fieldType": "select", "options": ["Gold", "Silver"]}""";
    String products = """
        {"entityType": "client", "fieldLabel": "Products", "fieldType": "multiselect", "options": ["CRM", "Mail"]}""";
    for (Api a : List.of(api, other)) {
      assertThat(a.post("/api/crm/custom-fields", tier).status()).isEqualTo(201);
      assertThat(a.post("/api/crm/custom-fields", products).status()).isEqualTo(201);
    }
    api.post("/api/clients", """
        {"name": "=SUM(A1:A9)", "contactName": "-Dash", "contactEmail": "x@formula.example", "city": "São Paulo",
         "estimatedMonthlySpend": 99.90, "status": "inactive", "companyId": "C-1",
         "customFields": {"tier": "silver", "products": ["mail", "crm"]}}""");
    var comma = api.post("/api/clients", """
        {"name": "Comma, \\"quoted\\" Co", "status": "active"}""");
    assertThat(comma.status()).as(comma.toString()).isEqualTo(201);
    var exported = api.get("/api/clients/export");
    assertThat(exported.status()).isEqualTo(200);

    var started = other.multipart("/api/imports", java.util.Map.of("entity", "clients"), "clients.csv",
        exported.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String status = "queued";
    for (int i = 0; i < 300 && !status.equals("completed") && !status.equals("failed"); i++) {
      Thread.sleep(200);
      status = other.get("/api/imports/" + started.text("id")).text("status");
    }
    var job = other.get("/api/imports/" + started.text("id"));
    assertThat(status).as(job.toString()).isEqualTo("completed");
    assertThat(job.json().get("rejected").asInt()).as(other.get("/api/imports/" + started.text("id") + "/rejected").body())
        .isZero();

    var mine = api.get("/api/clients").json();
    var theirs = other.get("/api/clients").json();
    assertThat(theirs.size()).as(job + " / " + theirs + " / " + exported.body()).isEqualTo(2);
    for (String field : List.of("name", "contactName", "contactEmail", "addressLine1", "city", "estimatedMonthlySpend",
        "status",
        "companyId", "customFields")) {
      assertThat(theirs.findValues(field)).as(field).isEqualTo(mine.findValues(field));
    }
  }
}
