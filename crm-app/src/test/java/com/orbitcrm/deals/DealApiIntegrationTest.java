package com.orbitcrm.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /api/crm/deals} and the stage machine over HTTP, on the real application and database. */
@OrbitIntegrationTest
class DealApiIntegrationTest {

  @LocalServerPort int port;
  Api api;
  Api.Account owner;
  String clientId;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Deals " + UUID.randomUUID());
    api = anonymous.bearer(anonymous.tokenFor(owner));
    clientId = api.post("/api/clients", "{\"name\": \"Acme Robotics\"}").text("id");
  }

  private JsonNode create(String json) {
    var r = api.post("/api/crm/deals", json);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  @Test
  void aDealStartsAsALeadWithTheStagesDefaults() {
    var deal = create("""
        {"name": "Annual licence", "value": "25000.5", "currency": "eur", "clientId": "%s", "ownerId": "%s",
         "expectedCloseDate": "2026-12-31", "source": "Referral", "contactEmail": "Buyer@Acme.example",
         "id": "00000000-0000-0000-0000-000000000001", "tenantId": "x"}""".formatted(clientId, owner.userId()));
    assertThat(deal.get("stage").asString()).isEqualTo("lead");
    assertThat(deal.get("probability").asInt()).isEqualTo(10);
    assertThat(deal.get("value").asString()).isEqualTo("25000.50");
    assertThat(deal.get("currency").asString()).isEqualTo("EUR");
    assertThat(deal.get("weightedValue").asString()).isEqualTo("2500.05");
    assertThat(deal.get("contactEmail").asString()).isEqualTo("buyer@acme.example");
    assertThat(deal.get("id").asString()).isNotEqualTo("00000000-0000-0000-0000-000000000001");
    assertThat(api.get("/api/crm/deals/" + deal.get("id").asString()).json().get("clientId").asString())
        .isEqualTo(clientId);
  }

  @Test
  void badInputAndForeignReferencesAreRefused() {
    var r = api.post("/api/crm/deals", """
        {"name": "", "value": -1, "currency": "EURO", "expectedCloseDate": "31/12/2026", "stage": "won",
         "probability": 150}""");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").findValuesAsString("field"))
        .contains("name", "value", "currency", "expectedCloseDate");
    assertThat(api.post("/api/crm/deals", "{\"name\": \"X\", \"stage\": \"won\"}").text("error")).contains("closed_won");
    assertThat(api.post("/api/crm/deals", "{\"name\": \"X\", \"probability\": \"high\"}").status()).isEqualTo(400);
    // A client of another workspace is a 400, never a stored reference.
    var other = new Api(port).signUp("Other");
    var theirs = new Api(port).bearer(new Api(port).tokenFor(other)).post("/api/clients", "{\"name\": \"Theirs\"}");
    var foreign = api.post("/api/crm/deals", "{\"name\": \"X\", \"clientId\": \"%s\"}".formatted(theirs.text("id")));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.text("error")).contains("not a client of this workspace");
    assertThat(api.get("/api/crm/deals").json().size()).isZero();
  }

  @Test
  void theStageMachineAppliesOverPatch() {
    String id = create("{\"name\": \"Pilot\", \"value\": 1000}").get("id").asString();
    var proposal = api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"proposal\"}");
    assertThat(proposal.status()).isEqualTo(200);
    assertThat(proposal.json().get("probability").asInt()).isEqualTo(50);

    // Lost needs a reason; with one it closes at 0 % today.
    var noReason = api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"closed_lost\"}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("lostReason");
    var lost = api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"closed_lost\", \"lostReason\": \"Price\"}").json();
    assertThat(lost.get("probability").asInt()).isZero();
    assertThat(lost.get("actualCloseDate").asString()).isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).toString());
    assertThat(lost.get("lostReason").asString()).isEqualTo("Price");

    // Reopen clears them; a probability set by hand survives open moves.
    var reopened = api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"qualified\"}").json();
    assertThat(reopened.get("actualCloseDate").isNull()).isTrue();
    assertThat(reopened.get("lostReason").isNull()).isTrue();
    assertThat(api.put("/api/crm/deals/" + id, "{\"probability\": 33}").json().get("probability").asInt()).isEqualTo(33);
    assertThat(api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"negotiation\"}").json()
        .get("probability").asInt()).isEqualTo(33);
    var won = api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"closed_won\"}").json();
    assertThat(won.get("probability").asInt()).isEqualTo(100);
    assertThat(api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"archived\"}").status()).isEqualTo(400);

    // A stale version is refused.
    int version = won.get("version").asInt();
    assertThat(api.patch("/api/crm/deals/" + id + "/stage",
        "{\"stage\": \"lead\", \"version\": %d}".formatted(version - 1)).status()).isEqualTo(409);
    assertThat(api.with("If-Match", "\"" + version + "\"").patch("/api/crm/deals/" + id + "/stage",
        "{\"stage\": \"lead\"}").status()).isEqualTo(200);
  }

  @Test
  void aPutThatChangesTheStageIsAllOrNothing() {
    String id = create("{\"name\": \"Renewal\", \"value\": 500}").get("id").asString();
    // The stage machine refuses the move (no lost reason): the new name is not written either.
    var refused = api.put("/api/crm/deals/" + id, "{\"name\": \"Renamed\", \"stage\": \"closed_lost\"}");
    assertThat(refused.status()).isEqualTo(400);
    var unchanged = api.get("/api/crm/deals/" + id).json();
    assertThat(unchanged.get("name").asString()).isEqualTo("Renewal");
    assertThat(unchanged.get("stage").asString()).isEqualTo("lead");
    var moved = api.put("/api/crm/deals/" + id,
        "{\"name\": \"Renamed\", \"stage\": \"closed_lost\", \"lostReason\": \"Budget cut\"}").json();
    assertThat(moved.get("name").asString()).isEqualTo("Renamed");
    assertThat(moved.get("stage").asString()).isEqualTo("closed_lost");
    assertThat(moved.get("lostReason").asString()).isEqualTo("Budget cut");
  }

  @Test
  void positionsPlaceCardsWithoutRenumberingTheColumn() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(create("{\"name\": \"Deal %d\"}".formatted(i)).get("id").asString());
    }
    // Move the last to the top, then the first to position 2.
    api.patch("/api/crm/deals/" + ids.get(3) + "/stage", "{\"stage\": \"lead\", \"position\": 0}");
    api.patch("/api/crm/deals/" + ids.get(0) + "/stage", "{\"stage\": \"lead\", \"position\": 2}");
    List<String> order = column("lead");
    assertThat(order).containsExactly(ids.get(3), ids.get(1), ids.get(0), ids.get(2));
    assertThat(api.patch("/api/crm/deals/" + ids.get(1) + "/stage", "{\"stage\": \"lead\", \"position\": -1}").status())
        .isEqualTo(400);
    api.patch("/api/crm/deals/" + ids.get(1) + "/stage", "{\"stage\": \"lead\", \"position\": 99}");
    assertThat(column("lead").getLast()).isEqualTo(ids.get(1));
  }

  private List<String> column(String stage) {
    List<JsonNode> deals = new ArrayList<>();
    api.get("/api/crm/deals?stage=" + stage + "&limit=200").json().forEach(deals::add);
    // stageOrder is the card's rank: a string that sorts in column order.
    deals.sort((a, b) -> a.get("stageOrder").asString().compareTo(b.get("stageOrder").asString()));
    return deals.stream().map(d -> d.get("id").asString()).toList();
  }

  @Test
  void concurrentCreatesInOneColumnAllSucceedWithUniqueRanks() throws Exception {
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    try (var pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        int n = i;
        // Every one appends to the end of the same column, as a form or an integration does.
        futures.add(pool.submit(() -> statuses.add(api.post("/api/crm/deals",
            "{\"name\": \"Rush %d\", \"stage\": \"qualified\"}".formatted(n)).status())));
      }
      for (var f : futures) {
        f.get();
      }
    }
    assertThat(statuses).hasSize(48).allMatch(s -> s == 201);
    List<String> ranks = new ArrayList<>();
    api.get("/api/crm/deals?stage=qualified&limit=200").json().forEach(d -> ranks.add(d.get("stageOrder").asString()));
    assertThat(ranks).hasSize(48).doesNotHaveDuplicates();
  }

  @Test
  void fiftyConcurrentMovesEndInOneSubmittedStateWithUniqueRanks() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(create("{\"name\": \"Busy %d\"}".formatted(i)).get("id").asString());
    }
    String[] stages = {"lead", "qualified", "proposal", "negotiation"};
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    List<String> submitted = Collections.synchronizedList(new ArrayList<>());
    try (var pool = Executors.newFixedThreadPool(16)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          // Half the moves hit the same deal; the others move its neighbours into the same columns.
          String id = n % 2 == 0 ? ids.get(0) : ids.get(1 + n % 5);
          String stage = stages[n % stages.length];
          var r = api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"%s\", \"position\": %d}"
              .formatted(stage, n % 3));
          statuses.add(r.status());
          if (r.status() == 200 && id.equals(ids.get(0))) {
            submitted.add(stage);
          }
        }));
      }
      for (var f : futures) {
        f.get();
      }
    }
    assertThat(statuses).allMatch(s -> s == 200 || s == 409);
    assertThat(statuses).contains(200);
    String finalStage = api.get("/api/crm/deals/" + ids.get(0)).json().get("stage").asString();
    assertThat(submitted).contains(finalStage);
    for (String stage : stages) {
      List<String> ranks = new ArrayList<>();
      api.get("/api/crm/deals?stage=" + stage + "&limit=200").json()
          .forEach(d -> ranks.add(d.get("stageOrder").asString()));
      assertThat(new HashSet<>(ranks)).as("ranks in %s", stage).hasSameSizeAs(ranks);
    }
  }

  @Test
  void deleteMovesToTheTrashAndListsPage() {
    for (int i = 0; i < 5; i++) {
      create("{\"name\": \"Page %d\", \"clientId\": \"%s\", \"expectedCloseDate\": \"2026-12-%02d\"}"
          .formatted(i, clientId, 10 + i));
    }
    List<String> seen = new ArrayList<>();
    String next = "/api/crm/deals?limit=2";
    while (next != null) {
      var page = api.get(next);
      seen.addAll(page.json().findValuesAsString("name"));
      next = page.link();
    }
    assertThat(seen).containsExactly("Page 4", "Page 3", "Page 2", "Page 1", "Page 0");
    assertThat(api.get("/api/crm/deals?closeFrom=2026-12-11&closeTo=2026-12-12").json().findValuesAsString("name"))
        .containsExactlyInAnyOrder("Page 1", "Page 2");
    assertThat(api.get("/api/crm/deals?search=page%203").json().findValuesAsString("name")).containsExactly("Page 3");
    assertThat(api.get("/api/crm/deals?clientId=" + clientId).json().size()).isEqualTo(5);
    assertThat(api.get("/api/crm/deals?closeFrom=soon").status()).isEqualTo(400);

    String id = api.get("/api/crm/deals?search=page%200").json().get(0).get("id").asString();
    assertThat(api.delete("/api/crm/deals/" + id).status()).isEqualTo(204);
    assertThat(api.get("/api/crm/deals/" + id).status()).isEqualTo(404);
    assertThat(api.post("/api/crm/deals/" + id + "/restore", null).status()).isEqualTo(200);
    assertThat(api.get("/api/crm/deals/" + id).status()).isEqualTo(200);
  }
}
