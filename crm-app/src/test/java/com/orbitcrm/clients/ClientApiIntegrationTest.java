package com.orbitcrm.clients;

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

/** {@code /api/clients} on the real application and database. */
@OrbitIntegrationTest
class ClientApiIntegrationTest {

  @LocalServerPort int port;
  Api api;
  Api.Account owner;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Clients " + UUID.randomUUID());
    api = anonymous.bearer(anonymous.tokenFor(owner));
  }

  private JsonNode create(String json) {
    var r = api.post("/api/clients", json);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  @Test
  void aClientIsCreatedWithEveryFieldOfTheSpecAndReadBack() {
    var r = api.post("/api/clients", """
        {"name": "  Acme Robotics ", "contactName": "Olivia Nguyen", "contactEmail": "Olivia@Acme.example",
         "contactPhone": "+1 (512) 555-0199", "industry": "Technology", "addressLine1": "100 Main Street",
         "addressLine2": "Suite 5", "city": "Austin", "state": "tx", "zipCode": "78701-1234",
         "estimatedMonthlySpend": 12500.5, "status": "active", "accountOwnerId": "%s", "companyId": "CUST-1",
         "id": "00000000-0000-0000-0000-000000000001", "tenantId": "00000000-0000-0000-0000-000000000002",
         "createdAt": "2000-01-01T00:00:00Z", "unknownField": 42}""".formatted(owner.userId()));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    var c = r.json();
    assertThat(c.get("id").asString()).isNotEqualTo("00000000-0000-0000-0000-000000000001");
    assertThat(c.get("name").asString()).isEqualTo("Acme Robotics");
    assertThat(c.get("contactEmail").asString()).isEqualTo("olivia@acme.example");
    assertThat(c.get("state").asString()).isEqualTo("TX");
    assertThat(c.get("estimatedMonthlySpend").asString()).isEqualTo("12500.50");
    assertThat(c.get("accountOwnerName").asString()).isEqualTo("Olive Owner");
    assertThat(c.get("accountOwnerAssignedDate").isNull()).isFalse();
    assertThat(c.get("createdAt").asString()).doesNotStartWith("2000");
    assertThat(c.has("tenantId")).isFalse();

    var read = api.get("/api/clients/" + c.get("id").asString());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("zipCode").asString()).isEqualTo("78701-1234");
  }

  @Test
  void badInputIsAnsweredFieldByFieldAndNothingIsWritten() {
    var r = api.post("/api/clients", """
        {"name": "%s", "contactEmail": "nope", "contactPhone": "call me", "state": "Texas", "zipCode": "ABCDE",
         "estimatedMonthlySpend": "-5", "status": "prospect", "accountOwnerId": "not-a-uuid"}"""
        .formatted("n".repeat(256)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "contactEmail",
        "contactPhone", "state", "zipCode", "estimatedMonthlySpend", "status", "accountOwnerId");
    assertThat(api.post("/api/clients", "{\"name\": \"X\", \"estimatedMonthlySpend\": 1.005}").text("error"))
        .contains("at most 2 decimals");
    assertThat(api.post("/api/clients", "{\"name\": {\"first\": \"X\"}}").status()).isEqualTo(400);
    assertThat(api.post("/api/clients", "[1, 2]").status()).isEqualTo(400);
    assertThat(api.post("/api/clients", "{\"name\": ").status()).isEqualTo(400);
    assertThat(api.post("/api/clients", "{}").json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    // An owner who is not a member of this workspace is refused, not stored.
    var stranger = new Api(port).signUp("Strangers");
    var notMember = api.post("/api/clients", "{\"name\": \"X\", \"accountOwnerId\": \"%s\"}".formatted(stranger.userId()));
    assertThat(notMember.status()).isEqualTo(400);
    assertThat(notMember.text("error")).contains("not a member");
    assertThat(api.get("/api/clients").json().size()).isZero();
  }

  @Test
  void anUpdateIsPartialStampsANewOwnerAndRefusesAStaleVersion() throws Exception {
    var c = create("{\"name\": \"Bluebird Health\", \"city\": \"Boston\", \"state\": \"MA\"}");
    String id = c.get("id").asString();
    assertThat(c.get("accountOwnerAssignedDate").isNull()).isTrue();

    var r = api.with("If-Match", "\"0\"").put("/api/clients/" + id,
        "{\"city\": \"Cambridge\", \"accountOwnerId\": \"%s\", \"id\": \"%s\"}".formatted(owner.userId(), UUID.randomUUID()));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    var updated = r.json();
    assertThat(updated.get("city").asString()).isEqualTo("Cambridge");
    assertThat(updated.get("state").asString()).isEqualTo("MA");
    assertThat(updated.get("name").asString()).isEqualTo("Bluebird Health");
    assertThat(updated.get("version").asInt()).isEqualTo(1);
    assertThat(updated.get("accountOwnerAssignedDate").isNull()).isFalse();
    assertThat(updated.get("id").asString()).isEqualTo(id);

    // Someone edited version 0 too: their save is refused, not silently lost.
    var stale = api.with("If-Match", "\"0\"").put("/api/clients/" + id, "{\"city\": \"Salem\"}");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(api.put("/api/clients/" + id, "{\"city\": \"Salem\", \"version\": 0}").status()).isEqualTo(409);
    assertThat(api.get("/api/clients/" + id).json().get("city").asString()).isEqualTo("Cambridge");
    // Clearing a field with null, and a bad value leaves the client as it was.
    assertThat(api.put("/api/clients/" + id, "{\"city\": null}").json().get("city").isNull()).isTrue();
    assertThat(api.put("/api/clients/" + id, "{\"state\": \"Massachusetts\"}").status()).isEqualTo(400);
    assertThat(api.get("/api/clients/" + id).json().get("state").asString()).isEqualTo("MA");
  }

  @Test
  void listsFilterSearchSortAndPageWithALinkHeader() {
    String[] names = {"Granite Manufacturing", "Harbor Hospitality", "Ironclad Security", "Juniper Schools",
        "Keystone Energy", "Lumen Retail", "Maple Financial"};
    for (int i = 0; i < names.length; i++) {
      create("{\"name\": \"%s\", \"status\": \"%s\", \"state\": \"%s\", \"industry\": \"%s\", \"contactName\": \"%s\", \"estimatedMonthlySpend\": %d}"
          .formatted(names[i], i % 3 == 0 ? "churned" : "active", i % 2 == 0 ? "TX" : "CA",
              i < 3 ? "Industrial" : "Services", i == 5 ? "Zoë 100% Müller" : "Pat", (i + 1) * 1000));
    }
    var all = api.get("/api/clients");
    assertThat(all.json().findValuesAsString("name")).containsExactly(names);

    // Search matches the beginnings of words in name, contact and e-mail, every word typed.
    assertThat(api.get("/api/clients?search=SECUR").json().findValuesAsString("name")).containsExactly("Ironclad Security");
    assertThat(api.get("/api/clients?search=harb%20hosp").json().findValuesAsString("name")).containsExactly("Harbor Hospitality");
    assertThat(api.get("/api/clients?search=harb%20retail").json().size()).isZero();
    assertThat(api.get("/api/clients?search=ospital").json().size()).isZero();
    assertThat(api.get("/api/clients?search=100%25%20m%C3%BC").json().findValuesAsString("name")).containsExactly("Lumen Retail");
    assertThat(api.get("/api/clients?search=%25_").json().size()).isEqualTo(names.length);
    assertThat(api.get("/api/clients?status=churned").json().findValuesAsString("name"))
        .containsExactly("Granite Manufacturing", "Juniper Schools", "Maple Financial");
    assertThat(api.get("/api/clients?state=ca&industry=services").json().findValuesAsString("name"))
        .containsExactly("Juniper Schools", "Lumen Retail");
    assertThat(api.get("/api/clients?sort=-estimatedMonthlySpend&limit=2").json().findValuesAsString("name"))
        .containsExactly("Maple Financial", "Lumen Retail");

    // Paging: follow the Link header until the end; every client once, in order.
    for (String sort : new String[] {"name", "-name", "createdAt", "-createdAt", "estimatedMonthlySpend"}) {
      List<String> seen = new ArrayList<>();
      String next = "/api/clients?limit=3&sort=" + sort;
      int pages = 0;
      while (next != null) {
        var page = api.get(next);
        assertThat(page.status()).isEqualTo(200);
        seen.addAll(page.json().findValuesAsString("name"));
        next = page.link();
        pages++;
      }
      assertThat(pages).isEqualTo(3);
      assertThat(seen).hasSize(names.length).doesNotHaveDuplicates();
      if (sort.equals("name")) {
        assertThat(seen).containsExactly(names);
      }
    }
    // A search pages too, in name order either way, from the word index.
    for (String sort : new String[] {"name", "-name"}) {
      List<String> found = new ArrayList<>();
      String next = "/api/clients?search=pat&limit=2&sort=" + sort;
      while (next != null) {
        var page = api.get(next);
        found.addAll(page.json().findValuesAsString("name"));
        next = page.link();
      }
      List<String> expected = new ArrayList<>(List.of(names));
      expected.remove("Lumen Retail");
      if (sort.equals("-name")) {
        java.util.Collections.reverse(expected);
      }
      assertThat(found).containsExactlyElementsOf(expected);
    }
    assertThat(api.get("/api/clients?search=pat&status=churned").json().findValuesAsString("name"))
        .containsExactly("Granite Manufacturing", "Juniper Schools", "Maple Financial");
    assertThat(api.get("/api/clients?status=prospect").status()).isEqualTo(400);
    assertThat(api.get("/api/clients?limit=0").status()).isEqualTo(400);
    assertThat(api.get("/api/clients?limit=abc").status()).isEqualTo(400);
    assertThat(api.get("/api/clients?sort=password").status()).isEqualTo(400);
    assertThat(api.get("/api/clients?cursor=garbage").status()).isEqualTo(400);
  }

  @Test
  void deleteMovesToTheTrashAndAnAdminRestores() {
    var c = create("{\"name\": \"Cobalt Logistics\"}");
    String id = c.get("id").asString();
    assertThat(api.delete("/api/clients/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/clients/" + id).status()).isEqualTo(404);
    assertThat(api.get("/api/clients").json().size()).isZero();
    assertThat(api.get("/api/clients?search=cobalt").json().size()).isZero();
    assertThat(api.get("/api/clients?trashed=true").json().findValuesAsString("name")).containsExactly("Cobalt Logistics");
    assertThat(api.delete("/api/clients/" + id).status()).isEqualTo(404);

    String memberEmail = "m-" + UUID.randomUUID() + "@example.com";
    api.post("/api/members", """
        {"email": "%s", "name": "Mem Ber", "role": "member", "password": "member-password-1"}""".formatted(memberEmail));
    var member = new Api(port).basic(memberEmail, "member-password-1");
    assertThat(member.post("/api/clients/" + id + "/restore", null).status()).isEqualTo(403);
    assertThat(member.get("/api/clients?trashed=true").status()).isEqualTo(403);

    var restored = api.post("/api/clients/" + id + "/restore", null);
    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json().get("deletedAt").isNull()).isTrue();
    assertThat(api.get("/api/clients/" + id).status()).isEqualTo(200);
    assertThat(api.get("/api/clients?search=cobalt").json().findValuesAsString("name")).containsExactly("Cobalt Logistics");
    // Renaming changes what a search finds.
    api.put("/api/clients/" + id, "{\"name\": \"Azure Freight\"}");
    assertThat(api.get("/api/clients?search=cobalt").json().size()).isZero();
    assertThat(api.get("/api/clients?search=azu").json().findValuesAsString("name")).containsExactly("Azure Freight");
  }
}
