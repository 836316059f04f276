package com.orbitcrm.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/imports} end to end: a file is checked, queued, run by the background job in its workspace,
 * and its results are real clients and deals; refused rows are downloadable; an import can be undone; a bad
 * file is a 400 that keeps nothing.
 */
@OrbitIntegrationTest
class ImportApiIntegrationTest {

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired com.orbitcrm.imports.app.ImportService service;
  @org.springframework.beans.factory.annotation.Autowired com.orbitcrm.imports.port.Imports store;
  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.transaction.PlatformTransactionManager transactions;
  Api api;
  Api.Account account;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    account = anonymous.signUp("Imports " + UUID.randomUUID().toString().substring(0, 6));
    api = anonymous.bearer(anonymous.tokenFor(account));
  }

  Api.Response upload(String entity, String csv, Map<String, String> more) {
    return upload(entity, csv.getBytes(StandardCharsets.UTF_8), more);
  }

  Api.Response upload(String entity, byte[] csv, Map<String, String> more) {
    var parts = new java.util.LinkedHashMap<String, String>();
    parts.put("entity", entity);
    parts.putAll(more);
    return api.multipart("/api/imports", parts, entity + ".csv", csv);
  }

  JsonNode finished(Api.Response started) {
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String location = started.linkHeader();
    assertThat(location).isEqualTo("/api/imports/" + started.text("id"));
    assertThat(started.text("status")).isEqualTo("queued");
    Instant until = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(until)) {
      JsonNode job = api.get(location).json();
      String status = job.get("status").asString();
      if (status.equals("completed") || status.equals("failed")) {
        return job;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the import did not finish: " + api.get(location));
  }

  @Test
  void clientsAreImportedWithTheirRulesAndBadRowsAreRefusedWithAReason() {
    String csv = "\uFEFFCompany name;Email;Phone;State;Monthly spend;Notes\r\n"
        + "Acme Imported;ops@acme.test;+1 512 555 0100;tx;1200.50;\"two\r\nlines\"\r\n"
        + "Globex Imported;not-an-email;;CA;10;\r\n"
        + "Initech Imported;hello@initech.test;;NY;;\r\n";
    JsonNode job = finished(upload("clients", csv, Map.of()));
    assertThat(job.get("status").asString()).isEqualTo("completed");
    assertThat(job.get("entity").asString()).isEqualTo("clients");
    assertThat(job.get("total").asInt()).isEqualTo(3);
    assertThat(job.get("processed").asInt()).isEqualTo(3);
    assertThat(job.get("created").asInt()).isEqualTo(2);
    assertThat(job.get("rejected").asInt()).isEqualTo(1);

    JsonNode acme = api.get("/api/clients?search=acme").json().get(0);
    assertThat(acme.get("name").asString()).isEqualTo("Acme Imported");
    assertThat(acme.get("contactEmail").asString()).isEqualTo("ops@acme.test");
    assertThat(acme.get("state").asString()).isEqualTo("TX");
    assertThat(acme.get("estimatedMonthlySpend").asString()).isEqualTo("1200.50");
    assertThat(api.get("/api/clients?search=globex").json().size()).isZero();

    var rejected = api.get("/api/imports/" + job.get("id").asString() + "/rejected");
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.body()).startsWith("line,reason,Company name,Email,Phone,State,Monthly spend,Notes");
    assertThat(rejected.body()).contains("4,contactEmail:").contains("Globex Imported,not-an-email");
  }

  @Test
  void anExportedFileImportsBackAndDedupeByEmailUpdatesThenUndoPutsTheOldValuesBack() {
    var existing = api.post("/api/clients", """
        {"name": "Umbrella", "contactEmail": "boss@umbrella.test", "city": "Raccoon City"}""");
    assertThat(existing.status()).isEqualTo(201);
    String csv = "id,name,contactEmail,city,accountOwnerName,updatedAt\n"
        + existing.text("id") + ",Umbrella Corp,BOSS@umbrella.test,Austin,Someone,2026-01-01T00:00:00Z\n"
        + ",Stark Industries,tony@stark.test,Malibu,,\n";
    JsonNode job = finished(upload("clients", csv, Map.of("dedupe", "email", "onMatch", "update")));
    assertThat(job.get("created").asInt()).isEqualTo(1);
    assertThat(job.get("updated").asInt()).isEqualTo(1);
    assertThat(job.get("undoable").asBoolean()).isTrue();
    var updated = api.get("/api/clients/" + existing.text("id")).json();
    assertThat(updated.get("name").asString()).isEqualTo("Umbrella Corp");
    assertThat(updated.get("city").asString()).isEqualTo("Austin");

    var undone = api.post("/api/imports/" + job.get("id").asString() + "/undo", null);
    assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
    assertThat(undone.json().get("undoneAt").isNull()).isFalse();
    var back = api.get("/api/clients/" + existing.text("id")).json();
    assertThat(back.get("name").asString()).isEqualTo("Umbrella");
    assertThat(back.get("city").asString()).isEqualTo("Raccoon City");
    assertThat(api.get("/api/clients?search=stark").json().size()).isZero();
    assertThat(api.post("/api/imports/" + job.get("id").asString() + "/undo", null).status()).isEqualTo(409);
  }

  @Test
  void dealsCarryTheirHistoryOwnerAndClient() {
    String csv = "Deal Name,Deal Stage,Amount,Close Date,Create Date,actualCloseDate,Deal Owner,Company name\n"
        + "Big win,Won,25000,2026-03-01,2026-01-15,2026-02-20," + account.email() + ",Wayne Enterprises\n"
        + "Open one,Qualified,100.5,2027-01-31,2026-02-01,,,Wayne Enterprises\n"
        + "Lost one,Lost,10,,,2026-02-01,,Wayne Enterprises\n"
        + "Bad stage,Somewhere,10,,,,,Wayne Enterprises\n";
    JsonNode job = finished(upload("deals", csv, Map.of("createClients", "true")));
    assertThat(job.get("status").asString()).isEqualTo("completed");
    assertThat(job.get("created").asInt()).isEqualTo(2);
    // A lost deal needs a reason (the stage machine's rule), and "Somewhere" is no stage (no other stage was
    // chosen for the values matched by nothing).
    assertThat(job.get("rejected").asInt()).isEqualTo(2);

    JsonNode won = api.get("/api/crm/deals?search=big").json().get(0);
    assertThat(won.get("stage").asString()).isEqualTo("closed_won");
    assertThat(won.get("actualCloseDate").asString()).isEqualTo("2026-02-20");
    assertThat(won.get("expectedCloseDate").asString()).isEqualTo("2026-03-01");
    assertThat(won.get("createdAt").asString()).startsWith("2026-01-1");
    assertThat(won.get("ownerId").asString()).isEqualTo(account.userId());
    // The client was created once, for the three rows that name it.
    JsonNode wayne = api.get("/api/clients?search=wayne").json();
    assertThat(wayne.size()).isEqualTo(1);
    assertThat(won.get("clientId").asString()).isEqualTo(wayne.get(0).get("id").asString());
    String reasons = api.get("/api/imports/" + job.get("id").asString() + "/rejected").body();
    assertThat(reasons).contains("lostReason").contains("\"\"Somewhere\"\" is not a stage");
  }

  /** A job an instance was running when it stopped: picked up again, it continues after its committed rows. */
  @Test
  void aRunStoppedMidwayResumesAfterItsLastCommittedBatch() {
    var tenant = new com.orbitcrm.tenancy.TenantId(UUID.fromString(account.tenantId()));
    var scope = new com.orbitcrm.tenancy.TenantContext.Scope(tenant,
        new com.orbitcrm.tenancy.UserId(UUID.fromString(account.userId())), com.orbitcrm.tenancy.Role.OWNER);
    var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
    String csv = "name\nResume One\nResume Two\nResume Three\nResume Four\nResume Five\n";
    UUID id = com.orbitcrm.tenancy.TenantContext.callAs(scope, () -> {
      var draft = service.upload("clients", "resume.csv", csv.getBytes(StandardCharsets.UTF_8),
          ImportSettings.DEFAULTS, false, false);
      // As if an instance had committed the first two rows' batch, then stopped.
      tx.executeWithoutResult(s -> store.save(draft.queue(ImportSettings.DEFAULTS, false)
          .start(Instant.now()).withProgress(5, new Progress(2, 2, 0, 0))));
      return draft.id();
    });
    service.run(tenant, id);
    JsonNode job = api.get("/api/imports/" + id).json();
    assertThat(job.get("status").asString()).isEqualTo("completed");
    assertThat(job.get("processed").asInt()).isEqualTo(5);
    assertThat(job.get("created").asInt()).isEqualTo(5);
    assertThat(api.get("/api/clients?search=resume").json()).extracting(c -> c.get("name").asString())
        .containsExactlyInAnyOrder("Resume Three", "Resume Four", "Resume Five");
  }

  @Test
  void aDryRunWritesNothingAndCountsWhatItWould() {
    JsonNode job = finished(upload("clients", "name,contactEmail\nDry Co,dry@co.test\n,missing@name.test\n",
        Map.of("dryRun", "true")));
    assertThat(job.get("dryRun").asBoolean()).isTrue();
    assertThat(job.get("created").asInt()).isEqualTo(1);
    assertThat(job.get("rejected").asInt()).isEqualTo(1);
    assertThat(api.get("/api/clients?search=dry").json().size()).isZero();
  }

  @Test
  void allOrNothingWritesNothingWhenARowIsBad() {
    JsonNode job = finished(upload("clients", "name,state\nAll Co,TX\nNone Co,Texas\n",
        Map.of("allOrNothing", "true")));
    assertThat(job.get("status").asString()).isEqualTo("failed");
    assertThat(job.get("error").asString()).contains("nothing was imported");
    assertThat(api.get("/api/clients?search=all").json().size()).isZero();
  }

  @Test
  void anExplicitMappingWinsAndAWrongOneIsA400() {
    JsonNode job = finished(upload("clients", "Firma,Ort\nMapped GmbH,Berlin\n",
        Map.of("mapping", "{\"Firma\": \"name\", \"Ort\": \"city\"}")));
    assertThat(job.get("created").asInt()).isEqualTo(1);
    assertThat(api.get("/api/clients?search=mapped").json().get(0).get("city").asString()).isEqualTo("Berlin");
    var wrong = upload("clients", "Firma\nX\n", Map.of("mapping", "{\"Firma\": \"nonsense\"}"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body()).contains("not a field of clients");
  }

  @Test
  void badFilesAre400WithAClearReasonAndKeepNothing() {
    assertBad("name,city\n\"Open quote,Austin\nNext,Dallas\n".getBytes(StandardCharsets.UTF_8),
        "quote opened on line 2 is never closed");
    assertBad("name,city\nCaf\u00e9,Paris\n".getBytes(StandardCharsets.ISO_8859_1), "not UTF-8");
    assertBad(("name,notes\nBig," + "x".repeat(10 * 1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8),
        "longer than");
    assertBad("name,city,name\nA,B,C\n".getBytes(StandardCharsets.UTF_8), "appears twice");
    assertBad(new byte[0], "empty");
    assertBad("name,city\r\n".getBytes(StandardCharsets.UTF_8), "no data rows");
    var many = new StringBuilder("name\n");
    for (int i = 0; i < 500_001; i++) {
      many.append("c\n");
    }
    assertBad(many.toString().getBytes(StandardCharsets.UTF_8), "more than 500,000 rows");
    var noEntity = api.multipart("/api/imports", Map.of(), "x.csv", "name\nA\n".getBytes(StandardCharsets.UTF_8));
    assertThat(noEntity.status()).isEqualTo(400);
    assertThat(api.get("/api/imports").json().size()).isZero();
    assertThat(api.get("/api/clients").json().size()).isZero();
  }

  void assertBad(byte[] file, String reason) {
    var r = upload("clients", file, Map.of());
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.body()).contains(reason);
  }
}
