package com.orbitcrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** {@code /api/crm/activities}, {@code /api/crm/notes} and e-mail tracking, on the real app and database. */
@OrbitIntegrationTest
class TimelineApiIntegrationTest {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired TransactionTemplate tx;
  Api api;
  Api.Account owner;
  String clientId;
  String dealId;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Timeline " + UUID.randomUUID());
    api = anonymous.bearer(anonymous.tokenFor(owner));
    clientId = api.post("/api/clients", "{\"name\": \"Acme Robotics\"}").text("id");
    dealId = api.post("/api/crm/deals", "{\"name\": \"Robot arms\", \"value\": 1000, \"clientId\": \"%s\"}"
        .formatted(clientId)).text("id");
  }

  private JsonNode log(String json) {
    var r = api.post("/api/crm/activities", json);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  @Test
  void activitiesAreLoggedAndListedNewestFirstByType() {
    log("""
        {"entityType": "client", "entityId": "%s", "activityType": "call", "subject": "Intro call",
         "callDuration": 540, "callOutcome": "answered", "callRecordingUrl": "https://rec.example/1"}""".formatted(clientId));
    log("""
        {"entityType": "client", "entityId": "%s", "activityType": "meeting", "subject": "Demo",
         "meetingStartTime": "2026-12-01T14:00:00Z", "meetingEndTime": "2026-12-01T15:00:00Z",
         "meetingLocation": "Zoom", "meetingAttendees": [{"name": "Ada", "email": "ada@acme.example"}, "Bob"]}"""
        .formatted(clientId));
    var email = log("""
        {"entityType": "client", "entityId": "%s", "activityType": "email", "subject": "Proposal",
         "emailFrom": "Me@Us.example", "emailTo": ["buyer@acme.example", "cfo@acme.example"]}""".formatted(clientId));
    assertThat(email.get("emailTo").asString()).isEqualTo("buyer@acme.example, cfo@acme.example");
    assertThat(email.get("emailFrom").asString()).isEqualTo("me@us.example");
    assertThat(email.get("createdBy").asString()).isEqualTo(owner.userId());

    var all = api.get("/api/crm/activities/client/" + clientId).json();
    assertThat(all.size()).isEqualTo(3);
    assertThat(all.get(0).get("activityType").asString()).isEqualTo("email");
    assertThat(all.get(2).get("callOutcome").asString()).isEqualTo("answered");
    assertThat(all.get(2).get("callDuration").asInt()).isEqualTo(540);
    assertThat(all.get(1).get("meetingAttendees").get(0).get("email").asString()).isEqualTo("ada@acme.example");
    assertThat(all.get(1).get("meetingAttendees").get(1).get("name").asString()).isEqualTo("Bob");

    var calls = api.get("/api/crm/activities/client/" + clientId + "?type=call").json();
    assertThat(calls.size()).isEqualTo(1);
    var page = api.get("/api/crm/activities/client/" + clientId + "?limit=2");
    assertThat(page.json().size()).isEqualTo(2);
    var rest = api.get(page.link()).json();
    assertThat(rest.size()).isEqualTo(1);
    assertThat(rest.get(0).get("subject").asString()).isEqualTo("Intro call");
  }

  @Test
  void everyTypeIsCheckedAndNothingIsHalfWritten() {
    var r = api.post("/api/crm/activities", """
        {"entityType": "client", "entityId": "%s", "activityType": "call", "callOutcome": "hung_up",
         "callDuration": -5, "callRecordingUrl": "javascript:alert(1)", "emailTo": "x@y.example"}""".formatted(clientId));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").findValuesAsString("field"))
        .contains("callOutcome", "callDuration", "callRecordingUrl", "emailTo");

    assertThat(fields(api.post("/api/crm/activities", """
        {"entityType": "deal", "entityId": "%s", "activityType": "email", "emailTo": "not an address, a@b.example"}"""
        .formatted(dealId)))).contains("emailTo");
    assertThat(fields(api.post("/api/crm/activities", """
        {"entityType": "deal", "entityId": "%s", "activityType": "meeting", "subject": "Late",
         "meetingStartTime": "2026-12-01T15:00:00Z", "meetingEndTime": "2026-12-01T14:00:00Z"}""".formatted(dealId))))
        .contains("meetingEndTime");
    assertThat(fields(api.post("/api/crm/activities", """
        {"entityType": "deal", "entityId": "%s", "activityType": "invoice", "subject": "x"}""".formatted(dealId))))
        .contains("activityType");
    assertThat(fields(api.post("/api/crm/activities", """
        {"entityType": "deal", "entityId": "%s", "activityType": "note", "subject": "%s"}"""
        .formatted(dealId, "x".repeat(256))))).contains("subject");
    assertThat(fields(api.post("/api/crm/activities", """
        {"entityType": "deal", "entityId": "%s", "activityType": "task", "callDuration": "ten"}""".formatted(dealId))))
        .contains("callDuration");
    assertThat(api.post("/api/crm/activities", "{\"entityType\": \"deal\", ").status()).isEqualTo(400);

    // Users cannot forge the system's stage changes.
    var forged = api.post("/api/crm/activities", """
        {"entityType": "deal", "entityId": "%s", "activityType": "status_change", "subject": "Won!"}""".formatted(dealId));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.text("error")).contains("written by the system");
    assertThat(api.get("/api/crm/activities/deal/" + dealId).json().size()).isZero();
  }

  @Test
  void anotherWorkspacesEntitiesAreRefused() {
    var other = new Api(port);
    var theirs = other.bearer(other.tokenFor(other.signUp("Other " + UUID.randomUUID())));
    String theirClient = theirs.post("/api/clients", "{\"name\": \"Theirs\"}").text("id");
    String theirDeal = theirs.post("/api/crm/deals", "{\"name\": \"Their deal\"}").text("id");

    var onTheirDeal = api.post("/api/crm/activities", """
        {"entityType": "deal", "entityId": "%s", "activityType": "note", "subject": "Sneaky"}""".formatted(theirDeal));
    assertThat(onTheirDeal.status()).isEqualTo(400);
    assertThat(onTheirDeal.text("error")).contains("not a deal of this workspace");
    assertThat(api.post("/api/crm/notes", """
        {"entityType": "client", "entityId": "%s", "content": "Sneaky"}""".formatted(theirClient)).status()).isEqualTo(400);
    assertThat(api.get("/api/crm/activities/deal/" + theirDeal).status()).isEqualTo(404);
    assertThat(api.get("/api/crm/notes/client/" + theirClient).status()).isEqualTo(404);
    assertThat(api.get("/api/crm/activities/invoice/" + theirClient).status()).isEqualTo(404);
    assertThat(theirs.get("/api/crm/activities/deal/" + theirDeal).json().size()).isZero();
  }

  @Test
  void aStageChangeIsRecordedOnTheDealAndItsClientThroughTheEventRegistry() {
    assertThat(api.patch("/api/crm/deals/" + dealId + "/stage", "{\"stage\": \"proposal\"}").status()).isEqualTo(200);

    JsonNode onDeal = eventually(() -> api.get("/api/crm/activities/deal/" + dealId + "?type=status_change").json());
    assertThat(onDeal.get(0).get("subject").asString()).isEqualTo("Lead → Proposal");
    assertThat(onDeal.get(0).get("metadata").get("fromStage").asString()).isEqualTo("lead");
    assertThat(onDeal.get(0).get("metadata").get("toStage").asString()).isEqualTo("proposal");
    assertThat(onDeal.get(0).get("createdBy").asString()).isEqualTo(owner.userId());
    JsonNode onClient = eventually(() -> api.get("/api/crm/activities/client/" + clientId + "?type=status_change").json());
    assertThat(onClient.get(0).get("subject").asString()).isEqualTo("Robot arms: Lead → Proposal");

    // The publication was stored with the move, in the deal's workspace, and marked complete once handled.
    var jdbc = new JdbcTemplate(dataSource);
    var workspace = TenantContext.Scope.system(new TenantId(UUID.fromString(owner.tenantId())));
    String pending = "select count(*) from event_publication where completion_date is null and serialized_event like ?";
    String stored = "select count(*) from event_publication where serialized_event like ?";
    eventually(() -> TenantContext.callAs(workspace, () -> tx.execute(s ->
        jdbc.queryForObject(pending, Integer.class, "%" + dealId + "%"))) == 0 ? "done" : null);
    Integer inItsWorkspace = TenantContext.callAs(workspace, () -> tx.execute(s ->
        jdbc.queryForObject(stored, Integer.class, "%" + dealId + "%")));
    assertThat(inItsWorkspace).isGreaterThanOrEqualTo(1);
    // No other workspace, and no query without one, sees it.
    var stranger = TenantContext.Scope.system(new TenantId(UUID.randomUUID()));
    Integer inAnother = TenantContext.callAs(stranger, () -> tx.execute(s ->
        jdbc.queryForObject(stored, Integer.class, "%" + dealId + "%")));
    assertThat(inAnother).isZero();
    assertThat(jdbc.queryForObject(stored, Integer.class, "%" + dealId + "%")).isZero();
  }

  @Test
  void trackedEmailsRecordTheFirstOpenAndClickAndRedirectOnlyToTheSignedLink() throws Exception {
    var email = log("""
        {"entityType": "deal", "entityId": "%s", "activityType": "email", "subject": "Your proposal",
         "emailTo": "buyer@acme.example", "trackOpens": true,
         "trackedLinks": ["https://acme.example/proposal?id=7", "https://acme.example/pricing"]}""".formatted(dealId));
    String pixel = email.get("tracking").get("pixelUrl").asString();
    String link = email.get("tracking").get("links").get(0).get("trackedUrl").asString();
    assertThat(email.get("tracking").get("links").get(0).get("url").asString()).isEqualTo("https://acme.example/proposal?id=7");
    assertThat(pixel).startsWith("http://localhost:" + port + "/t/").endsWith("/open.gif");

    var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    var opened = http.send(HttpRequest.newBuilder(URI.create(pixel)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.headers().firstValue("Content-Type")).hasValue("image/gif");
    var first = api.get("/api/crm/activities/deal/" + dealId).json().get(0);
    assertThat(first.get("emailOpened").asBoolean()).isTrue();
    String openedAt = first.get("emailOpenedAt").asString();
    Thread.sleep(20);
    http.send(HttpRequest.newBuilder(URI.create(pixel)).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(api.get("/api/crm/activities/deal/" + dealId).json().get(0).get("emailOpenedAt").asString())
        .isEqualTo(openedAt);

    var click = http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(click.statusCode()).isEqualTo(302);
    assertThat(click.headers().firstValue("Location")).hasValue("https://acme.example/proposal?id=7");
    var clicked = api.get("/api/crm/activities/deal/" + dealId).json().get(0);
    assertThat(clicked.get("emailClicked").asBoolean()).isTrue();
    assertThat(Instant.parse(clicked.get("emailClickedAt").asString())).isAfterOrEqualTo(Instant.parse(openedAt));

    // A token is no open redirect: a parameter is ignored, and an altered token is refused.
    var withParam = http.send(HttpRequest.newBuilder(URI.create(link + "?url=https://evil.example")).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(withParam.headers().firstValue("Location")).hasValue("https://acme.example/proposal?id=7");
    String token = link.substring(link.indexOf("/t/") + 3, link.lastIndexOf("/go"));
    String tampered = link.replace(token, token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A')
        + token.substring(11));
    assertThat(http.send(HttpRequest.newBuilder(URI.create(tampered)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode()).isEqualTo(404);
    assertThat(http.send(HttpRequest.newBuilder(URI.create(pixel.replace("/open.gif", "/go"))).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);

    // Tracking is for e-mails only.
    assertThat(fields(api.post("/api/crm/activities", """
        {"entityType": "deal", "entityId": "%s", "activityType": "call", "callOutcome": "busy", "trackOpens": true}"""
        .formatted(dealId)))).contains("trackOpens");
  }

  @Test
  void notesArePinnedColouredEditedByTheirAuthorAndRestorable() {
    String first = api.post("/api/crm/notes", """
        {"entityType": "client", "entityId": "%s", "content": "Budget approved <script>alert(1)</script>"}"""
        .formatted(clientId)).text("id");
    var pinned = api.post("/api/crm/notes", """
        {"entityType": "client", "entityId": "%s", "content": "Decision maker: **Ada**", "isPinned": true, "color": "yellow"}"""
        .formatted(clientId));
    assertThat(pinned.status()).isEqualTo(201);
    api.post("/api/crm/notes", "{\"entityType\": \"client\", \"entityId\": \"%s\", \"content\": \"Latest\"}".formatted(clientId));

    var list = api.get("/api/crm/notes/client/" + clientId).json();
    assertThat(list.size()).isEqualTo(3);
    assertThat(list.get(0).get("isPinned").asBoolean()).isTrue();
    assertThat(list.get(0).get("color").asString()).isEqualTo("yellow");
    assertThat(list.get(1).get("content").asString()).isEqualTo("Latest");
    assertThat(list.get(2).get("content").asString()).contains("<script>");   // stored as typed, shown as text

    assertThat(fields(api.post("/api/crm/notes", """
        {"entityType": "client", "entityId": "%s", "content": "x", "color": "purple"}""".formatted(clientId))))
        .contains("color");
    assertThat(fields(api.post("/api/crm/notes", """
        {"entityType": "client", "entityId": "%s", "content": "   "}""".formatted(clientId)))).contains("content");

    var edited = api.put("/api/crm/notes/" + first, "{\"content\": \"Budget approved\", \"isPinned\": true, \"version\": 0}");
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.json().get("version").asInt()).isEqualTo(1);
    assertThat(api.put("/api/crm/notes/" + first, "{\"content\": \"stale\", \"version\": 0}").status()).isEqualTo(409);

    // A member may not change the owner's note.
    var member = api.post("/api/members", """
        {"email": "m-%s@test.example", "name": "Max Member", "role": "member", "password": "member-password-1"}"""
        .formatted(UUID.randomUUID()));
    assertThat(member.status()).as(member.toString()).isEqualTo(201);
    var memberApi = new Api(port).basic(member.text("email"), "member-password-1").tenant(owner.tenantId());
    assertThat(memberApi.put("/api/crm/notes/" + first, "{\"content\": \"mine now\"}").status()).isEqualTo(403);
    assertThat(memberApi.delete("/api/crm/notes/" + first).status()).isEqualTo(403);

    assertThat(api.delete("/api/crm/notes/" + first).status()).isEqualTo(204);
    assertThat(api.get("/api/crm/notes/client/" + clientId).json().size()).isEqualTo(2);
    assertThat(api.post("/api/crm/notes/" + first + "/restore", null).status()).isEqualTo(200);
    assertThat(api.get("/api/crm/notes/client/" + clientId).json().size()).isEqualTo(3);
  }

  private static java.util.List<String> fields(Api.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    return r.json().get("errors").findValuesAsString("field");
  }

  /** Polls until {@code probe} gives a non-empty answer (the stage change is recorded after commit). */
  private static <T> T eventually(Supplier<T> probe) {
    long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      T value = probe.get();
      boolean empty = value == null || (value instanceof JsonNode n && n.isEmpty());
      if (!empty) {
        return value;
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("nothing arrived within 15 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
