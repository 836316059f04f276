package com.orbitcrm.customfields;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Custom fields through the API on the real application and database: definitions, typed values on clients and
 * deals, each type's refusals as {@code customFields.<name>}, required and default rules, no partial writes,
 * list filters, type changes and deletion.
 */
@OrbitIntegrationTest
class CustomFieldApiIntegrationTest {

  @LocalServerPort int port;
  Api api;
  Api anonymous;

  @BeforeEach
  void workspace() {
    anonymous = new Api(port);
    var owner = anonymous.signUp("Fields " + UUID.randomUUID());
    api = anonymous.bearer(anonymous.tokenFor(owner));
  }

  JsonNode field(String json) {
    var r = api.post("/api/crm/custom-fields", json);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  void everyType(String entityType) {
    field("""
        {"entityType": "%s", "fieldLabel": "Tier", "fieldType": "select", "section": "Account",
         "options": [{"value": "gold", "label": "Gold", "color": "yellow"}, {"label": "Silver"}]}""".formatted(entityType));
    field("""
        {"entityType": "%s", "fieldLabel": "Seats", "fieldType": "number", "defaultValue": 5}""".formatted(entityType));
    field("""
        {"entityType": "%s", "fieldLabel": "Renewal date", "fieldType": "date"}""".formatted(entityType));
    field("""
        {"entityType": "%s", "fieldLabel": "Referenceable", "fieldType": "boolean"}""".formatted(entityType));
    field("""
        {"entityType": "%s", "fieldLabel": "Products", "fieldType": "multiselect", "options": ["CRM", "Mail", "Phone"]}"""
        .formatted(entityType));
    field("""
        {"entityType": "%s", "fieldLabel": "Website", "fieldType": "url"}""".formatted(entityType));
    field("""
        {"entityType": "%s", "fieldLabel": "Billing e-mail", "fieldType": "email"}""".formatted(entityType));
    field("""
        {"entityType": "%s", "fieldLabel": "Hotline", "fieldType": "phone"}""".formatted(entityType));
    field("""
        {"entityType": "%s", "fieldLabel": "Notes", "fieldType": "text"}""".formatted(entityType));
  }

  static final String ALL_VALUES = """
      "customFields": {"tier": "gold", "seats": 12.50, "renewal_date": "2026-09-30", "referenceable": true,
        "products": ["phone", "crm", "phone"], "website": "https://acme.example/", "billing_e_mail": "AP@Acme.Example",
        "hotline": "(650) 253-0000", "notes": "  Key account  "}""";

  @Test
  void definitionsHaveEverySeedColumn() {
    var tier = field("""
        {"entityType": "client", "fieldLabel": "Customer tier", "fieldType": "select", "isRequired": true,
         "defaultValue": "silver", "displayOrder": 3, "isVisible": false, "section": "Account",
         "options": [{"value": "gold", "label": "Gold", "color": "yellow"}, {"label": "Silver"}]}""");
    assertThat(tier.get("fieldName").asString()).isEqualTo("customer_tier");
    assertThat(tier.get("fieldType").asString()).isEqualTo("select");
    assertThat(tier.get("options").get(1).get("value").asString()).isEqualTo("silver");
    assertThat(tier.get("options").get(1).get("color").asString()).isEqualTo("gray");
    assertThat(tier.get("isRequired").asBoolean()).isTrue();
    assertThat(tier.get("defaultValue").asString()).isEqualTo("silver");
    assertThat(tier.get("isVisible").asBoolean()).isFalse();
    assertThat(tier.get("displayOrder").asInt()).isEqualTo(3);
    var list = api.get("/api/crm/custom-fields?entityType=client");
    assertThat(list.json()).hasSize(1);
    assertThat(api.get("/api/crm/custom-fields?entityType=deal").json()).isEmpty();
    assertThat(api.get("/api/crm/custom-fields?entityType=meeting").status()).isEqualTo(400);
    var bad = api.post("/api/crm/custom-fields", """
        {"entityType": "client", "fieldLabel": "Tier", "fieldType": "select", "options": [], "defaultValue": {}}""");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactly("defaultValue");
    var noOptions = api.post("/api/crm/custom-fields", """
        {"entityType": "client", "fieldLabel": "Tier", "fieldType": "select", "options": [], "isRequired": "yes"}""");
    assertThat(fields(noOptions)).containsExactly("isRequired");
    var emptySelect = api.post("/api/crm/custom-fields", """
        {"entityType": "client", "fieldLabel": "Tier", "fieldType": "select", "options": [], "defaultValue": "x"}""");
    assertThat(fields(emptySelect)).containsExactly("options");
    var taken = api.post("/api/crm/custom-fields", """
        {"entityType": "client", "fieldLabel": "Customer tier", "fieldType": "text"}""");
    assertThat(taken.status()).isEqualTo(400);
    assertThat(fields(taken)).containsExactly("fieldName");
  }

  @Test
  void everyTypeRoundTripsTypedAndNormalisedOnClientsAndDeals() {
    everyType("client");
    everyType("deal");
    for (String path : List.of("/api/clients", "/api/crm/deals")) {
      var r = api.post(path, "{\"name\": \"Acme\", " + ALL_VALUES + "}");
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      var cf = r.json().get("customFields");
      assertThat(cf.get("tier").asString()).isEqualTo("gold");
      assertThat(cf.get("seats").isNumber()).isTrue();
      assertThat(cf.get("seats").decimalValue()).isEqualByComparingTo("12.5");
      assertThat(cf.get("renewal_date").asString()).isEqualTo("2026-09-30");
      assertThat(cf.get("referenceable").asBoolean()).isTrue();
      assertThat(cf.get("products")).extracting(JsonNode::asString).containsExactly("crm", "phone");
      assertThat(cf.get("website").asString()).isEqualTo("https://acme.example/");
      assertThat(cf.get("billing_e_mail").asString()).isEqualTo("ap@acme.example");
      assertThat(cf.get("hotline").asString()).isEqualTo("+16502530000");
      assertThat(cf.get("notes").asString()).isEqualTo("Key account");
      String id = r.text("id");
      var read = api.get(path + "/" + id).json().get("customFields");
      assertThat(read).isEqualTo(cf);
      // update: only what is named changes; null clears
      var updated = api.put(path + "/" + id, "{\"customFields\": {\"seats\": 7, \"notes\": null}}");
      assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
      assertThat(updated.json().get("customFields").get("seats").asInt()).isEqualTo(7);
      assertThat(updated.json().get("customFields").has("notes")).isFalse();
      assertThat(updated.json().get("customFields").get("tier").asString()).isEqualTo("gold");
      // list carries them too
      var listed = api.get(path).json();
      assertThat(listed.get(0).get("customFields").get("tier").asString()).isEqualTo("gold");
    }
  }

  @Test
  void theDealDataLossIsGone() {
    var r = api.post("/api/crm/deals", "{\"name\": \"Big deal\", \"customFields\": {\"budget\": 5000}}");
    assertThat(r.status()).as("customFields of no defined field are refused, not dropped").isEqualTo(400);
    assertThat(fields(r)).containsExactly("customFields.budget");
    field("{\"entityType\": \"deal\", \"fieldLabel\": \"Budget\", \"fieldType\": \"number\"}");
    var ok = api.post("/api/crm/deals", "{\"name\": \"Big deal\", \"customFields\": {\"budget\": 5000}}");
    assertThat(ok.status()).isEqualTo(201);
    assertThat(ok.json().get("customFields").get("budget").asInt()).isEqualTo(5000);
    assertThat(api.get("/api/crm/deals/" + ok.text("id")).json().get("customFields").get("budget").asInt()).isEqualTo(5000);
  }

  @Test
  void eachTypesWrongValuesAre400ByFieldAndNothingIsWritten() {
    everyType("client");
    var r = api.post("/api/clients", """
        {"name": "Refused", "customFields": {"tier": "platinum", "seats": "12", "renewal_date": "2026-02-30",
         "referenceable": "yes", "products": ["CRM", "Fax"], "website": "javascript:alert(1)",
         "billing_e_mail": "ap@", "hotline": "12", "notes": {"a": 1}, "colour": "red"}}""");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(fields(r)).containsExactlyInAnyOrder("customFields.tier", "customFields.seats",
        "customFields.renewal_date", "customFields.referenceable", "customFields.products", "customFields.website",
        "customFields.billing_e_mail", "customFields.hotline", "customFields.notes", "customFields.colour");
    assertThat(api.get("/api/clients?search=Refused").json()).as("no partial write").isEmpty();
    assertThat(api.post("/api/clients", "{\"name\": \"x\", \"customFields\": [1]}").status()).isEqualTo(400);
    assertThat(api.post("/api/clients", "{\"name\": \"x\", \"customFields\": {\"seats\": 1e400}}").status()).isEqualTo(400);
    assertThat(api.post("/api/clients", "{\"name\": \"x\", \"customFields\": {\"seats\": 0.0000001}}").status()).isEqualTo(400);
    // a record's own problems and its custom fields' come together
    var both = api.post("/api/clients", "{\"name\": \"\", \"customFields\": {\"seats\": true}}");
    assertThat(fields(both)).containsExactlyInAnyOrder("name", "customFields.seats");
    // an update refused for a custom field changes nothing
    String id = api.post("/api/clients", "{\"name\": \"Kept\"}").text("id");
    var stale = api.put("/api/clients/" + id, "{\"city\": \"Austin\", \"customFields\": {\"seats\": \"x\"}}");
    assertThat(stale.status()).isEqualTo(400);
    assertThat(api.get("/api/clients/" + id).json().get("city").isNull()).isTrue();
  }

  @Test
  void requiredFieldsAreEnforcedAndDefaultsApplyOnCreate() {
    field("""
        {"entityType": "client", "fieldLabel": "Tier", "fieldType": "select", "isRequired": true, "options": ["Gold", "Silver"]}""");
    field("""
        {"entityType": "client", "fieldLabel": "Seats", "fieldType": "number", "defaultValue": "10"}""");
    var missing = api.post("/api/clients", "{\"name\": \"No tier\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(fields(missing)).containsExactly("customFields.tier");
    var created = api.post("/api/clients", "{\"name\": \"Tiered\", \"customFields\": {\"tier\": \"gold\"}}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("customFields").get("seats").asInt()).isEqualTo(10);
    var cleared = api.put("/api/clients/" + created.text("id"), "{\"customFields\": {\"tier\": null}}");
    assertThat(cleared.status()).isEqualTo(400);
    assertThat(fields(cleared)).containsExactly("customFields.tier");
    // a client updated without naming it keeps it
    assertThat(api.put("/api/clients/" + created.text("id"), "{\"city\": \"Austin\"}").status()).isEqualTo(200);
  }

  @Test
  void listsFilterByAFieldAndByRanges() {
    everyType("client");
    everyType("deal");
    for (String path : List.of("/api/clients", "/api/crm/deals")) {
      for (int i = 0; i < 6; i++) {
        var r = api.post(path, """
            {"name": "R%d", "customFields": {"tier": "%s", "seats": %d, "renewal_date": "2026-0%d-01", "products": ["%s"]}}"""
            .formatted(i, i % 2 == 0 ? "gold" : "silver", i * 10 - 20, i + 1, i < 3 ? "crm" : "mail"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
      }
      assertThat(names(api.get(path + "?cf.tier=gold").json())).containsExactlyInAnyOrder("R0", "R2", "R4");
      assertThat(names(api.get(path + "?cf.seats.min=-10&cf.seats.max=15").json()))
          .containsExactlyInAnyOrder("R1", "R2", "R3");
      assertThat(names(api.get(path + "?cf.tier=gold&cf.seats.min=0").json())).containsExactlyInAnyOrder("R2", "R4");
      assertThat(names(api.get(path + "?cf.renewal_date.max=2026-02-15").json())).containsExactlyInAnyOrder("R0", "R1");
      assertThat(names(api.get(path + "?cf.products=mail").json())).containsExactlyInAnyOrder("R3", "R4", "R5");
      var unknown = api.get(path + "?cf.colour=red");
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(fields(unknown)).containsExactly("cf.colour");
      assertThat(api.get(path + "?cf.seats.min=many").status()).isEqualTo(400);
      assertThat(api.get(path + "?cf.tier.min=gold").status()).isEqualTo(400);
    }
  }

  @Test
  void listsSortByAFieldBothWaysWithoutAValueLastAndPageByTheLinkHeader() {
    everyType("client");
    int[] seats = {30, -5, 12, 30, 7};
    for (int i = 0; i < seats.length; i++) {
      var r = api.post("/api/clients", """
          {"name": "S%d", "customFields": {"tier": "%s", "seats": %d, "renewal_date": "2026-0%d-01"}}"""
          .formatted(i, i % 2 == 0 ? "gold" : "silver", seats[i], 9 - i));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    // seats has a default (5) on create: clear it on one, and add one client that never had it
    assertThat(api.put("/api/clients/" + api.get("/api/clients?search=S4").json().get(0).get("id").asString(),
        "{\"customFields\": {\"seats\": null}}").status()).isEqualTo(200);

    List<String> ascending = allNames("/api/clients?sort=cf.seats&limit=2");
    assertThat(ascending.subList(0, 2)).containsExactly("S1", "S2");
    assertThat(ascending.subList(2, 4)).containsExactlyInAnyOrder("S0", "S3");
    assertThat(ascending.getLast()).isEqualTo("S4");
    List<String> descending = allNames("/api/clients?sort=-cf.seats&limit=2");
    assertThat(descending.subList(0, 2)).containsExactlyInAnyOrder("S0", "S3");
    assertThat(descending.subList(2, 5)).containsExactly("S2", "S1", "S4");
    assertThat(allNames("/api/clients?sort=cf.renewal_date&limit=3")).containsExactly("S4", "S3", "S2", "S1", "S0");
    assertThat(allNames("/api/clients?sort=-cf.seats&cf.tier=gold&limit=1")).containsExactly("S0", "S2", "S4");

    var multiselect = api.get("/api/clients?sort=cf.products");
    assertThat(multiselect.status()).isEqualTo(400);
    assertThat(fields(multiselect)).containsExactly("sort");
    assertThat(api.get("/api/clients?sort=cf.nope").status()).isEqualTo(400);
    String nameCursor = api.get("/api/clients?limit=1").link();
    String cursor = nameCursor.substring(nameCursor.indexOf("cursor=") + 7).replaceAll("[&>].*", "");
    var wrongCursor = api.get("/api/clients?sort=cf.seats&cursor=" + cursor);
    assertThat(wrongCursor.status()).as("a cursor of another order").isEqualTo(400);
    assertThat(fields(wrongCursor)).containsExactly("cursor");
  }

  List<String> allNames(String first) {
    List<String> out = new ArrayList<>();
    String path = first;
    for (int i = 0; i < 20 && path != null; i++) {
      var r = api.get(path);
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      out.addAll(names(r.json()));
      path = r.link();
    }
    return out;
  }

  @Test
  void aTypeChangeIsRefusedWhileValuesWouldNotConvertAndDeletingAFieldDeletesItsValues() {
    var notes = field("{\"entityType\": \"client\", \"fieldLabel\": \"Code\", \"fieldType\": \"text\"}");
    String a = api.post("/api/clients", "{\"name\": \"A\", \"customFields\": {\"code\": \"12\"}}").text("id");
    String b = api.post("/api/clients", "{\"name\": \"B\", \"customFields\": {\"code\": \"twelve\"}}").text("id");
    String id = notes.get("id").asString();
    var refused = api.put("/api/crm/custom-fields/" + id, "{\"fieldLabel\": \"Code\", \"fieldType\": \"number\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("twelve").doesNotContain("\"12\"");
    var renamed = api.put("/api/crm/custom-fields/" + id, "{\"fieldLabel\": \"Code\", \"fieldName\": \"code2\", \"fieldType\": \"text\"}");
    assertThat(renamed.status()).as("the name is fixed once values exist").isEqualTo(400);
    assertThat(api.put("/api/clients/" + b, "{\"customFields\": {\"code\": \"7.50\"}}").status()).isEqualTo(200);
    var changed = api.put("/api/crm/custom-fields/" + id, "{\"fieldLabel\": \"Code\", \"fieldType\": \"number\"}");
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(api.get("/api/clients/" + b).json().get("customFields").get("code").decimalValue()).isEqualByComparingTo("7.5");
    assertThat(names(api.get("/api/clients?cf.code.min=8").json())).containsExactly("A");
    assertThat(api.delete("/api/crm/custom-fields/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/clients/" + a).json().get("customFields").size()).isZero();
    assertThat(api.get("/api/crm/custom-fields/" + id).status()).isEqualTo(404);
  }

  @Test
  void membersReadDefinitionsButOnlyAdminsWriteThem() {
    var other = anonymous.signUp("Member of " + UUID.randomUUID());
    var email = "member-" + UUID.randomUUID() + "@example.com";
    assertThat(api.post("/api/members", """
        {"email": "%s", "name": "Mem Ber", "role": "member", "password": "member-password-1"}""".formatted(email))
        .status()).isEqualTo(201);
    var member = anonymous.basic(email, "member-password-1");
    field("{\"entityType\": \"client\", \"fieldLabel\": \"Tier\", \"fieldType\": \"text\"}");
    assertThat(member.get("/api/crm/custom-fields").json()).hasSize(1);
    assertThat(member.post("/api/crm/custom-fields", "{\"entityType\": \"client\", \"fieldLabel\": \"X\", \"fieldType\": \"text\"}")
        .status()).isEqualTo(403);
    assertThat(other.tenantId()).isNotBlank();
  }

  static List<String> fields(Api.Response r) {
    var out = new ArrayList<String>();
    r.json().get("errors").forEach(e -> out.add(e.get("field").asString()));
    return out;
  }

  static List<String> names(JsonNode list) {
    var out = new ArrayList<String>();
    list.forEach(n -> out.add(n.get("name").asString()));
    return out;
  }
}
