package com.orbitcrm.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import com.orbitcrm.platform.IdempotencyKey;
import com.orbitcrm.platform.IdempotencyRecords;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The batch endpoints (create, upsert, atomic) through the API as a member, and idempotent writes: a retry answers
 * the first answer and writes nothing, another body with the same key is a 422, concurrent duplicates write once,
 * keys are per principal, and expired keys are purged.
 */
@OrbitIntegrationTest
class BatchAndIdempotencyIntegrationTest {

  @LocalServerPort int port;
  @Autowired IdempotencyRecords idempotency;

  Api anonymous;
  Api owner;
  Api member;
  Api.Account workspace;

  @BeforeEach
  void workspace() {
    anonymous = new Api(port);
    workspace = anonymous.signUp("Batch " + UUID.randomUUID());
    owner = anonymous.bearer(anonymous.tokenFor(workspace));
    String email = "member-" + UUID.randomUUID() + "@example.com";
    assertThat(owner.post("/api/members", """
        {"email": "%s", "name": "Mem Ber", "role": "member", "password": "member-password-1"}""".formatted(email))
        .status()).isEqualTo(201);
    member = anonymous.bearer(anonymous.basic(email, "member-password-1").post("/api/tokens", "{\"name\": \"m\"}")
        .text("token"));
  }

  @Test
  void aBatchCreatesTheValidClientsAndNamesTheProblemsOfTheOthersInOrder() {
    var r = member.post("/api/clients/batch", """
        {"inputs": [
          {"name": "Batch Alpha", "contactEmail": "alpha@example.com", "state": "TX"},
          {"state": "Texas"},
          {"name": "Batch Gamma", "estimatedMonthlySpend": "lots"},
          "not an object",
          {"name": "Batch Delta", "customFields": {"nope": "x"}},
          {"name": "Batch Epsilon"}
        ]}""");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode results = r.json().get("results");
    assertThat(results).hasSize(6);
    assertThat(statuses(results)).containsExactly("created", "error", "error", "error", "error", "created");
    for (int i = 0; i < 6; i++) {
      assertThat(results.get(i).get("index").asInt()).isEqualTo(i);
    }
    assertThat(fields(results.get(1))).contains("name", "state");
    assertThat(fields(results.get(2))).contains("estimatedMonthlySpend");
    assertThat(fields(results.get(3))).contains("input");
    assertThat(fields(results.get(4))).anySatisfy(f -> assertThat(f).contains("nope"));
    assertThat(results.get(1).get("id").isNull()).isTrue();
    assertThat(r.json().get("created").asInt()).isEqualTo(2);
    assertThat(r.json().get("errors").asInt()).isEqualTo(4);

    var alpha = owner.get("/api/clients/" + results.get(0).get("id").asString());
    assertThat(alpha.status()).isEqualTo(200);
    assertThat(alpha.text("contactEmail")).isEqualTo("alpha@example.com");
    assertThat(names(owner.get("/api/clients?search=Batch").json())).containsExactlyInAnyOrder("Batch Alpha", "Batch Epsilon");
  }

  @Test
  void anUpsertUpdatesTheClientItMatchesAndCreatesTheOthers() {
    String acme = owner.post("/api/clients", """
        {"name": "Acme Upsert", "companyId": "ACME-1", "city": "Dallas"}""").text("id");
    var r = member.post("/api/clients/batch", """
        {"mode": "upsert", "idProperty": "companyId", "inputs": [
          {"companyId": " acme-1 ", "city": "Austin"},
          {"companyId": "NEW-2", "name": "Newco"},
          {"name": "No key"},
          {"companyId": "new-2", "name": "Twice"},
          {"companyId": "BAD-3", "name": ""}
        ]}""");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode results = r.json().get("results");
    assertThat(statuses(results)).containsExactly("updated", "created", "error", "error", "error");
    assertThat(results.get(0).get("id").asString()).isEqualTo(acme);
    assertThat(fields(results.get(2))).containsExactly("companyId");
    assertThat(fields(results.get(3))).containsExactly("companyId");
    var updated = owner.get("/api/clients/" + acme);
    assertThat(updated.text("city")).isEqualTo("Austin");
    assertThat(updated.text("name")).isEqualTo("Acme Upsert");
    assertThat(updated.json().get("version").asInt()).isEqualTo(1);

    var badIdProperty = member.post("/api/clients/batch", """
        {"mode": "upsert", "idProperty": "name", "inputs": [{"name": "x"}]}""");
    assertThat(badIdProperty.status()).isEqualTo(400);
    assertThat(badIdProperty.body()).contains("idProperty");
  }

  @Test
  void anAtomicBatchWithOneBadInputWritesNothingAndAnswersEveryResult() {
    var r = member.post("/api/clients/batch", """
        {"atomic": true, "inputs": [{"name": "Atomic One"}, {"name": "Atomic Two", "state": "Nowhere"}]}""");
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(statuses(r.json().get("results"))).containsExactly("created", "error");
    assertThat(r.json().get("errors").get(0).get("index").asInt()).isEqualTo(1);
    assertThat(names(owner.get("/api/clients?search=Atomic").json())).isEmpty();

    var deals = member.post("/api/crm/deals/batch", """
        {"atomic": true, "inputs": [{"name": "Atomic deal"}, {"name": "Bad stage", "stage": "nowhere"}]}""");
    assertThat(deals.status()).isEqualTo(400);
    assertThat(owner.get("/api/crm/deals?search=Atomic").json()).isEmpty();
  }

  @Test
  void dealsAreCreatedAndUpsertedByContactEmail() {
    String existing = owner.post("/api/crm/deals", """
        {"name": "Renewal", "contactEmail": "buyer@example.com", "value": "1000"}""").text("id");
    var r = member.post("/api/crm/deals/batch", """
        {"mode": "upsert", "idProperty": "contactEmail", "inputs": [
          {"contactEmail": "BUYER@example.com", "value": "2500.50", "stage": "qualified"},
          {"contactEmail": "new@example.com", "name": "Fresh deal", "stage": "proposal"},
          {"contactEmail": "lost@example.com", "name": "Lost one", "stage": "closed_lost"},
          {"contactEmail": "prob@example.com", "name": "Odd", "probability": 140}
        ]}""");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode results = r.json().get("results");
    assertThat(statuses(results)).containsExactly("updated", "created", "error", "error");
    assertThat(fields(results.get(2))).contains("lostReason");
    assertThat(fields(results.get(3))).contains("probability");
    var renewal = owner.get("/api/crm/deals/" + existing);
    assertThat(renewal.text("value")).isEqualTo("2500.50");
    assertThat(renewal.text("stage")).isEqualTo("qualified");
    assertThat(owner.get("/api/crm/deals/" + results.get(1).get("id").asString()).text("stage")).isEqualTo("proposal");

    var tooMany = member.post("/api/crm/deals/batch", "{\"inputs\": [" + String.join(",",
        IntStream.range(0, 1001).mapToObj(i -> "{\"name\": \"d" + i + "\"}").toList()) + "]}");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body()).contains("inputs");
  }

  @Test
  void aRetryWithTheSameKeyAnswersTheFirstAnswerAndCreatesNothing() throws SQLException {
    var keyed = member.with("Idempotency-Key", "create-" + UUID.randomUUID());
    var first = keyed.post("/api/clients", "{\"name\": \"Idempotent Inc\"}");
    assertThat(first.status()).isEqualTo(201);
    var retry = keyed.post("/api/clients", "{\"name\": \"Idempotent Inc\"}");
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.text("id")).isEqualTo(first.text("id"));
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(count("select count(*) from clients where name = 'Idempotent Inc'")).isEqualTo(1);

    var other = keyed.post("/api/clients", "{\"name\": \"Something else\"}");
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(count("select count(*) from clients where name = 'Something else'")).isZero();

    // Keys are per principal: the owner's token with the same key is a request of its own.
    var batchKey = "batch-" + UUID.randomUUID();
    String body = "{\"inputs\": [{\"name\": \"Keyed batch\"}]}";
    var b1 = member.with("Idempotency-Key", batchKey).post("/api/clients/batch", body);
    var b2 = member.with("Idempotency-Key", batchKey).post("/api/clients/batch", body);
    var b3 = owner.with("Idempotency-Key", batchKey).post("/api/clients/batch", body);
    assertThat(b2.body()).isEqualTo(b1.body());
    assertThat(b3.status()).isEqualTo(200);
    assertThat(b3.body()).isNotEqualTo(b1.body());
    assertThat(count("select count(*) from clients where name = 'Keyed batch'")).isEqualTo(2);

    // A refused request's answer is kept too, and replayed.
    var refusedKey = member.with("Idempotency-Key", "refused-" + UUID.randomUUID());
    var refused = refusedKey.post("/api/clients", "{\"state\": \"Nowhere\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refusedKey.post("/api/clients", "{\"state\": \"Nowhere\"}").body()).isEqualTo(refused.body());

    assertThat(member.with("Idempotency-Key", "").post("/api/clients", "{\"name\": \"Empty key\"}").status())
        .isEqualTo(400);
  }

  @Test
  void anImportWithTheSameKeyIsQueuedOnce() throws SQLException {
    byte[] csv = "name\nKeyed import\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var keyed = member.with("Idempotency-Key", "import-" + UUID.randomUUID());
    var first = keyed.multipart("/api/imports", java.util.Map.of("entity", "clients"), "c.csv", csv);
    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    var retry = keyed.multipart("/api/imports", java.util.Map.of("entity", "clients"), "c.csv", csv);
    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.text("id")).isEqualTo(first.text("id"));
    var otherFile = keyed.multipart("/api/imports", java.util.Map.of("entity", "clients"), "c.csv",
        "name\nAnother import\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(otherFile.status()).isEqualTo(422);
    assertThat(count("select count(*) from imports")).isEqualTo(1);
  }

  @Test
  void concurrentDuplicatesWriteOnce() throws Exception {
    var keyed = member.with("Idempotency-Key", "race-" + UUID.randomUUID());
    var pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Api.Response>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(() -> keyed.post("/api/clients", "{\"name\": \"Racing Ltd\"}"));
      }
      var answers = pool.invokeAll(calls).stream().map(f -> {
        try {
          return f.get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).toList();
      assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
      assertThat(answers.stream().map(a -> a.text("id")).distinct()).hasSize(1);
    } finally {
      pool.shutdown();
    }
    assertThat(count("select count(*) from clients where name = 'Racing Ltd'")).isEqualTo(1);
  }

  @Test
  void expiredKeysArePurgedAndMayBeUsedAgain() throws SQLException {
    String key = "old-" + UUID.randomUUID();
    var keyed = member.with("Idempotency-Key", key);
    assertThat(keyed.post("/api/clients", "{\"name\": \"Old key\"}").status()).isEqualTo(201);
    execute("update idempotency_keys set created_at = now() - interval '25 hours' where key = '" + key + "'");
    // Past its 24 hours a key no longer answers: the same request writes again.
    assertThat(keyed.post("/api/clients", "{\"name\": \"Old key\"}").status()).isEqualTo(201);
    assertThat(count("select count(*) from clients where name = 'Old key'")).isEqualTo(2);
    execute("update idempotency_keys set created_at = now() - interval '25 hours' where key = '" + key + "'");
    assertThat(idempotency.deleteBefore(IdempotencyKey.cutoff(Instant.now()))).isGreaterThanOrEqualTo(1);
    assertThat(count("select count(*) from idempotency_keys where key = '" + key + "'")).isZero();
  }

  private static List<String> statuses(JsonNode results) {
    var out = new ArrayList<String>();
    results.forEach(r -> out.add(r.get("status").asString()));
    return out;
  }

  private static List<String> fields(JsonNode result) {
    var out = new ArrayList<String>();
    result.get("errors").forEach(e -> out.add(e.get("field").asString()));
    return out;
  }

  private static List<String> names(JsonNode list) {
    var out = new ArrayList<String>();
    list.forEach(c -> out.add(c.get("name").asString()));
    return out;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = inWorkspace(); var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      long n = rs.getLong(1);
      c.commit();
      return n;
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = inWorkspace()) {
      c.createStatement().executeUpdate(sql);
      c.commit();
    }
  }

  private Connection inWorkspace() throws SQLException {
    Connection c = TestPostgres.database().ownerDataSource().getConnection();
    c.setAutoCommit(false);
    try (var st = c.prepareStatement("select set_config('orbit.tenant_id', ?, true)")) {
      st.setString(1, workspace.tenantId());
      st.execute();
    }
    return c;
  }
}
