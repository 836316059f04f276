package com.orbitcrm.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /api/crm/pipelines}, stage rules and deals on pipelines of one's own, on the real application. */
@OrbitIntegrationTest
class PipelineApiIntegrationTest {

  static final String PARTNERS = """
      {"name": "Partners", "stages": [
        {"label": "Contacted", "color": "#64748b", "probability": 10, "kind": "open"},
        {"key": "proposal", "label": "Proposal sent", "color": "#8b5cf6", "probability": 60, "kind": "open",
         "requiredFields": ["value", "expectedCloseDate"]},
        {"label": "Signed", "color": "#10b981", "kind": "won"},
        {"label": "Dropped", "color": "#ef4444", "kind": "lost"}]}""";

  @LocalServerPort int port;
  Api api;
  Api.Account owner;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Pipelines " + UUID.randomUUID());
    api = anonymous.bearer(anonymous.tokenFor(owner));
  }

  private JsonNode created(Api.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  private List<String> keys(JsonNode pipeline) {
    var keys = new ArrayList<String>();
    pipeline.get("stages").forEach(s -> keys.add(s.get("key").asString()));
    return keys;
  }

  private List<String> fields(Api.Response r) {
    var fields = new ArrayList<String>();
    r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    return fields;
  }

  @Test
  void theDefaultPipelineIsTheSeedsAndClientsThatNameNoneSeeTodaysBehaviour() {
    var list = api.get("/api/crm/pipelines");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().size()).isEqualTo(1);
    JsonNode seed = list.json().get(0);
    assertThat(seed.get("isDefault").asBoolean()).isTrue();
    assertThat(keys(seed)).containsExactly("lead", "qualified", "proposal", "negotiation", "closed_won", "closed_lost");
    var probabilities = new ArrayList<Integer>();
    seed.get("stages").forEach(s -> probabilities.add(s.get("probability").asInt()));
    assertThat(probabilities).containsExactly(10, 25, 50, 75, 100, 0);
    created(api.post("/api/crm/pipelines", PARTNERS));

    var deal = created(api.post("/api/crm/deals", "{\"name\": \"Old client\"}"));
    assertThat(deal.get("stage").asString()).isEqualTo("lead");
    assertThat(deal.get("probability").asInt()).isEqualTo(10);
    assertThat(deal.get("pipelineId").asString()).isEqualTo(seed.get("id").asString());
    // The default pipeline's proposal has no rule, unlike the other pipeline's stage of the same key.
    var moved = api.patch("/api/crm/deals/" + deal.get("id").asString() + "/stage", "{\"stage\": \"proposal\"}");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().get("probability").asInt()).isEqualTo(50);
    var lost = api.patch("/api/crm/deals/" + deal.get("id").asString() + "/stage", "{\"stage\": \"closed_lost\"}");
    assertThat(lost.status()).isEqualTo(400);
    assertThat(fields(lost)).containsExactly("lostReason");
  }

  @Test
  void aStageWithRulesRefusesDealsWithoutTheFieldsAndNamesThem() {
    JsonNode partners = created(api.post("/api/crm/pipelines", PARTNERS));
    assertThat(keys(partners)).containsExactly("contacted", "proposal", "signed", "dropped");
    assertThat(partners.get("stages").get(1).get("requiredFields").toString())
        .isEqualTo("[\"value\",\"expectedCloseDate\"]");
    String pid = partners.get("id").asString();
    var deal = created(api.post("/api/crm/deals", "{\"name\": \"Reseller\", \"pipelineId\": \"" + pid + "\"}"));
    assertThat(deal.get("stage").asString()).isEqualTo("contacted");
    String id = deal.get("id").asString();

    var refused = api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"proposal\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("value", "expectedCloseDate");
    assertThat(api.get("/api/crm/deals/" + id).json().get("stage").asString()).isEqualTo("contacted");
    // A stage of another pipeline is not a stage of this deal's.
    assertThat(api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"qualified\"}").status()).isEqualTo(400);
    // Creating a deal right in the ruled stage is entering it too.
    var createdThere = api.post("/api/crm/deals", "{\"name\": \"X\", \"stage\": \"proposal\", \"pipelineId\": \"" + pid + "\"}");
    assertThat(createdThere.status()).isEqualTo(400);
    assertThat(fields(createdThere)).containsExactly("value", "expectedCloseDate");

    var entered = api.put("/api/crm/deals/" + id, """
        {"value": "1200", "expectedCloseDate": "2027-01-31", "stage": "proposal"}""");
    assertThat(entered.status()).as(entered.toString()).isEqualTo(200);
    assertThat(entered.json().get("stage").asString()).isEqualTo("proposal");
    assertThat(entered.json().get("probability").asInt()).isEqualTo(60);
  }

  @Test
  void removingAStageThatHoldsDealsAsksWhereTheyGoAndMovesThem() {
    JsonNode partners = created(api.post("/api/crm/pipelines", PARTNERS));
    String pid = partners.get("id").asString();
    String a = created(api.post("/api/crm/deals", "{\"name\": \"A\", \"pipelineId\": \"" + pid + "\"}")).get("id").asString();
    String b = created(api.post("/api/crm/deals", "{\"name\": \"B\", \"pipelineId\": \"" + pid + "\"}")).get("id").asString();
    String withoutContacted = """
        {"name": "Partners", "version": %d, "stages": [
          {"key": "qualifying", "label": "Qualifying", "color": "#3b82f6", "probability": 30, "kind": "open"},
          {"key": "proposal", "label": "Proposal sent", "color": "#8b5cf6", "probability": 60, "kind": "open"},
          {"key": "signed", "label": "Signed", "color": "#10b981", "kind": "won"},
          {"key": "dropped", "label": "Dropped", "color": "#ef4444", "kind": "lost"}]%s}""";
    var asked = api.put("/api/crm/pipelines/" + pid, withoutContacted.formatted(0, ""));
    assertThat(asked.status()).isEqualTo(400);
    assertThat(fields(asked)).containsExactly("moveTo.contacted");
    assertThat(keys(api.get("/api/crm/pipelines/" + pid).json())).contains("contacted");

    var saved = api.put("/api/crm/pipelines/" + pid, withoutContacted.formatted(0, ", \"moveTo\": {\"contacted\": \"qualifying\"}"));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(keys(saved.json())).containsExactly("qualifying", "proposal", "signed", "dropped");
    for (String id : List.of(a, b)) {
      var deal = api.get("/api/crm/deals/" + id).json();
      assertThat(deal.get("stage").asString()).isEqualTo("qualifying");
      assertThat(deal.get("probability").asInt()).isEqualTo(30);
    }
    // The version moved on: the same edit again is stale.
    assertThat(api.put("/api/crm/pipelines/" + pid, withoutContacted.formatted(0, "")).status()).isEqualTo(409);
  }

  @Test
  void aDealMovesToAnotherPipelineByTheObviousStageOrAsksForOne() {
    JsonNode partners = created(api.post("/api/crm/pipelines", PARTNERS));
    String pid = partners.get("id").asString();
    String open = created(api.post("/api/crm/deals", "{\"name\": \"Open one\", \"stage\": \"qualified\"}")).get("id").asString();
    var asked = api.put("/api/crm/deals/" + open, "{\"pipelineId\": \"" + pid + "\"}");
    assertThat(asked.status()).isEqualTo(400);
    assertThat(fields(asked)).containsExactly("stage");
    var moved = api.put("/api/crm/deals/" + open, "{\"pipelineId\": \"" + pid + "\", \"stage\": \"contacted\"}");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().get("pipelineId").asString()).isEqualTo(pid);
    assertThat(moved.json().get("stage").asString()).isEqualTo("contacted");

    String won = created(api.post("/api/crm/deals", "{\"name\": \"Won one\", \"stage\": \"closed_won\"}")).get("id").asString();
    var mapped = api.put("/api/crm/deals/" + won, "{\"pipelineId\": \"" + pid + "\"}");
    assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
    assertThat(mapped.json().get("stage").asString()).isEqualTo("signed");
    assertThat(api.put("/api/crm/deals/" + won, "{\"pipelineId\": \"" + UUID.randomUUID() + "\"}").status())
        .isEqualTo(400);
  }

  @Test
  void theListAndItsSummaryNarrowToOnePipelineAndItsStages() {
    String pid = created(api.post("/api/crm/pipelines", PARTNERS)).get("id").asString();
    created(api.post("/api/crm/deals", "{\"name\": \"Seed lead\", \"value\": \"1000\", \"currency\": \"USD\"}"));
    created(api.post("/api/crm/deals", "{\"name\": \"Seed euro\", \"value\": \"10.05\", \"currency\": \"EUR\","
        + " \"stage\": \"proposal\"}"));
    created(api.post("/api/crm/deals", "{\"name\": \"Partner one\", \"value\": \"200\", \"currency\": \"USD\","
        + " \"pipelineId\": \"" + pid + "\", \"stage\": \"contacted\", \"probability\": 33}"));

    // The list: every pipeline unless one is named; a stage key is checked against the pipeline named.
    assertThat(api.get("/api/crm/deals").json().size()).isEqualTo(3);
    var partners = api.get("/api/crm/deals?pipelineId=" + pid).json();
    assertThat(partners.size()).isEqualTo(1);
    assertThat(partners.get(0).get("name").asString()).isEqualTo("Partner one");
    assertThat(api.get("/api/crm/deals?pipelineId=" + pid + "&stage=contacted").json().size()).isEqualTo(1);
    assertThat(api.get("/api/crm/deals?stage=contacted").status()).isEqualTo(400);
    assertThat(api.get("/api/crm/deals?pipelineId=" + pid + "&stage=lead").status()).isEqualTo(400);
    assertThat(api.get("/api/crm/deals?pipelineId=nope").status()).isEqualTo(400);
    assertThat(api.get("/api/crm/deals?pipelineId=" + UUID.randomUUID()).status()).isEqualTo(400);

    // The summary: the default pipeline's stages in order, per currency, exact; totals per currency.
    var summary = api.get("/api/crm/deals/summary?groupBy=stage");
    assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
    var groups = summary.json().get("groups");
    assertThat(groups.size()).isEqualTo(2);
    assertThat(groups.get(0).get("stage").asString()).isEqualTo("lead");
    assertThat(groups.get(0).get("stageLabel").asString()).isEqualTo("Lead");
    assertThat(groups.get(0).get("stageKind").asString()).isEqualTo("open");
    assertThat(groups.get(0).get("count").asInt()).isEqualTo(1);
    assertThat(groups.get(0).get("value").asString()).isEqualTo("1000.00");
    assertThat(groups.get(0).get("weightedValue").asString()).isEqualTo("100.00");
    assertThat(groups.get(1).get("stage").asString()).isEqualTo("proposal");
    assertThat(groups.get(1).get("currency").asString()).isEqualTo("EUR");
    assertThat(groups.get(1).get("weightedValue").asString()).isEqualTo("5.025");
    assertThat(summary.json().get("totals").size()).isEqualTo(2);

    // Filtered (the list's own conditions), and on another pipeline.
    var searched = api.get("/api/crm/deals/summary?search=euro").json().get("groups");
    assertThat(searched.size()).isEqualTo(1);
    assertThat(searched.get(0).get("currency").asString()).isEqualTo("EUR");
    var other = api.get("/api/crm/deals/summary?pipelineId=" + pid).json();
    assertThat(other.get("pipelineId").asString()).isEqualTo(pid);
    assertThat(other.get("groups").get(0).get("stage").asString()).isEqualTo("contacted");
    assertThat(other.get("groups").get(0).get("weightedValue").asString()).isEqualTo("66.00");

    assertThat(api.get("/api/crm/deals/summary?groupBy=owner").status()).isEqualTo(400);
    assertThat(api.get("/api/crm/deals/summary?status=maybe").status()).isEqualTo(400);
  }

  @Test
  void badDefinitionsAreRefusedFieldByField() {
    var r = api.post("/api/crm/pipelines", """
        {"name": "", "stages": [{"label": "Only", "color": "red", "probability": 150, "kind": "open",
          "requiredFields": ["budget"]}]}""");
    assertThat(r.status()).isEqualTo(400);
    assertThat(fields(r)).contains("name", "stages[0].color", "stages[0].probability", "stages[0].requiredFields");
    var noWon = api.post("/api/crm/pipelines", """
        {"name": "Half", "stages": [{"label": "A", "color": "#000000", "probability": 5, "kind": "open"},
          {"label": "B", "color": "#000000", "kind": "lost"}]}""");
    assertThat(noWon.status()).isEqualTo(400);
    assertThat(noWon.body()).contains("won");
    assertThat(api.get("/api/crm/pipelines").json().size()).isEqualTo(1);
    String seed = api.get("/api/crm/pipelines").json().get(0).get("id").asString();
    assertThat(api.delete("/api/crm/pipelines/" + seed).status()).isEqualTo(400);
  }

  /**
   * An admin removes a stage while deals are being moved into it: every move either lands (and its deal is
   * then carried to the stage the admin chose) or is refused with 409; none is lost, no 500, and no deal is
   * left in a stage that does not exist.
   */
  @Test
  void removingAStageWhileDealsMoveIntoItLosesNoMove() throws Exception {
    JsonNode partners = created(api.post("/api/crm/pipelines", PARTNERS.replace(
        "\"requiredFields\": [\"value\", \"expectedCloseDate\"]", "\"requiredFields\": []")));
    String pid = partners.get("id").asString();
    var ids = new ArrayList<String>();
    for (int i = 0; i < 24; i++) {
      ids.add(created(api.post("/api/crm/deals", "{\"name\": \"D" + i + "\", \"pipelineId\": \"" + pid + "\"}"))
          .get("id").asString());
    }
    String removeProposal = """
        {"name": "Partners", "moveTo": {"proposal": "contacted"}, "stages": [
          {"key": "contacted", "label": "Contacted", "color": "#64748b", "probability": 10, "kind": "open"},
          {"key": "signed", "label": "Signed", "color": "#10b981", "kind": "won"},
          {"key": "dropped", "label": "Dropped", "color": "#ef4444", "kind": "lost"}]}""";
    var start = new CountDownLatch(1);
    List<Future<Integer>> moves = new ArrayList<>();
    Future<Integer> removal;
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (String id : ids) {
        moves.add(pool.submit(() -> {
          start.await();
          return api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"proposal\"}").status();
        }));
      }
      removal = pool.submit(() -> {
        start.await();
        Thread.sleep(20);
        return api.put("/api/crm/pipelines/" + pid, removeProposal).status();
      });
      start.countDown();
    }
    assertThat(removal.get()).isEqualTo(200);
    Set<Integer> statuses = new HashSet<>();
    for (var m : moves) {
      statuses.add(m.get());
    }
    // A move after the removal names a stage the pipeline no longer has: 400, as for any unknown stage.
    assertThat(statuses).isSubsetOf(Set.of(200, 400, 409));
    assertThat(keys(api.get("/api/crm/pipelines/" + pid).json())).containsExactly("contacted", "signed", "dropped");
    for (String id : ids) {
      var deal = api.get("/api/crm/deals/" + id);
      assertThat(deal.status()).isEqualTo(200);
      assertThat(deal.json().get("stage").asString()).isEqualTo("contacted");
    }
  }
}
