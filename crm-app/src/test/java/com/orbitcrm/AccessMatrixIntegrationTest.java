package com.orbitcrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every API endpoint against every way of not being allowed: no credentials (401), a revoked token
 * (401), another workspace's X-Tenant-Id (403), an id that lives in another workspace (404), and a
 * viewer trying to change what viewers may not (403) — and a viewer using what viewers may (2xx). Every
 * case asserts; each module adds its endpoints to {@link #endpoints()}.
 */
@OrbitIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTest {

  /**
   * One endpoint. {@code {id}} in the path is replaced by an id of kind {@code idKind}: for the 404
   * column, one that exists only in another workspace.
   *
   * @param viewerMay whether a viewer of the workspace may call it.
   */
  record Endpoint(String method, String path, String body, String idKind, boolean viewerMay) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Stream<Endpoint> endpoints() {
    String member = "{\"email\": \"m-" + UUID.randomUUID() + "@example.com\", \"name\": \"M\", \"role\": \"member\", "
        + "\"password\": \"member-password-1\"}";
    return Stream.of(
        new Endpoint("GET", "/api/me", null, null, true),
        new Endpoint("GET", "/api/members", null, null, true),
        new Endpoint("POST", "/api/members", member, null, false),
        new Endpoint("GET", "/api/members/{id}", null, "member", true),
        new Endpoint("PUT", "/api/members/{id}", "{\"role\": \"viewer\"}", "member", false),
        new Endpoint("DELETE", "/api/members/{id}", null, "member", false),
        new Endpoint("GET", "/api/invitations", null, null, false),
        new Endpoint("DELETE", "/api/invitations/{id}", null, "invitation", false),
        // The viewer holds an invitation to the workspace they already belong to: accepting it changes nothing.
        new Endpoint("POST", "/api/invitations/{token}/accept", null, null, true),
        new Endpoint("GET", "/api/tokens", null, null, true),
        new Endpoint("POST", "/api/tokens", "{\"name\": \"matrix\"}", null, true),
        new Endpoint("DELETE", "/api/tokens/{id}", null, "token", true),
        new Endpoint("GET", "/api/clients", null, null, true),
        new Endpoint("GET", "/api/clients?search=acme&status=active&sort=-createdAt", null, null, true),
        new Endpoint("POST", "/api/clients", "{\"name\": \"Matrix client\"}", null, false),
        new Endpoint("GET", "/api/clients/{id}", null, "client", true),
        new Endpoint("PUT", "/api/clients/{id}", "{\"city\": \"Austin\"}", "client", false),
        new Endpoint("DELETE", "/api/clients/{id}", null, "client", false),
        new Endpoint("POST", "/api/clients/{id}/restore", null, "client", false),
        new Endpoint("GET", "/api/crm/deals", null, null, true),
        new Endpoint("GET", "/api/crm/deals?stage=lead&search=x", null, null, true),
        new Endpoint("POST", "/api/crm/deals", "{\"name\": \"Matrix deal\"}", null, false),
        new Endpoint("GET", "/api/crm/deals/summary?groupBy=stage&status=open", null, null, true),
        new Endpoint("GET", "/api/crm/deals/{id}", null, "deal", true),
        new Endpoint("PUT", "/api/crm/deals/{id}", "{\"source\": \"Matrix\"}", "deal", false),
        new Endpoint("PATCH", "/api/crm/deals/{id}/stage", "{\"stage\": \"qualified\"}", "deal", false),
        new Endpoint("DELETE", "/api/crm/deals/{id}", null, "deal", false),
        new Endpoint("POST", "/api/crm/deals/{id}/restore", null, "deal", false),
        new Endpoint("GET", "/api/crm/deals?status=won&closedFrom=2026-01-01&closedTo=2026-12-31", null, null, true),
        new Endpoint("GET", "/api/clients?cf.tier=gold", null, null, true),
        new Endpoint("GET", "/api/crm/deals?cf.budget.min=10", null, null, true),
        new Endpoint("GET", "/api/clients/export?status=active&cf.tier=gold", null, null, true),
        new Endpoint("GET", "/api/crm/deals/export?status=open", null, null, true),
        new Endpoint("GET", "/api/crm/pipelines", null, null, true),
        new Endpoint("POST", "/api/crm/pipelines", PIPELINE, null, false),
        new Endpoint("GET", "/api/crm/pipelines/{id}", null, "pipeline", true),
        new Endpoint("PUT", "/api/crm/pipelines/{id}", PIPELINE, "pipeline", false),
        new Endpoint("DELETE", "/api/crm/pipelines/{id}", null, "pipeline", false),
        new Endpoint("GET", "/api/crm/custom-fields", null, null, true),
        new Endpoint("GET", "/api/crm/custom-fields?entityType=deal", null, null, true),
        new Endpoint("POST", "/api/crm/custom-fields", "{\"entityType\": \"client\", \"fieldLabel\": \"Matrix "
            + UUID.randomUUID().toString().substring(0, 8) + "\", \"fieldType\": \"text\"}", null, false),
        new Endpoint("GET", "/api/crm/custom-fields/{id}", null, "field", true),
        new Endpoint("PUT", "/api/crm/custom-fields/{id}", "{\"fieldLabel\": \"Changed\", \"fieldType\": \"select\", "
            + "\"options\": [\"Gold\", \"Silver\"]}", "field", false),
        new Endpoint("DELETE", "/api/crm/custom-fields/{id}", null, "field", false),
        new Endpoint("GET", "/api/crm/dashboard", null, null, true),
        new Endpoint("GET", "/api/crm/dashboard?period=custom&from=2026-01-01&to=2026-03-31", null, null, true),
        new Endpoint("GET", "/api/crm/forecast?months=6", null, null, true),
        new Endpoint("GET", "/api/crm/activities/client/{id}", null, "client", true),
        new Endpoint("GET", "/api/crm/activities/deal/{id}?type=call", null, "deal", true),
        new Endpoint("POST", "/api/crm/activities", "{\"entityType\": \"client\", \"entityId\": \""
            + UUID.randomUUID() + "\", \"activityType\": \"note\", \"subject\": \"Matrix\"}", null, false),
        new Endpoint("GET", "/api/crm/tasks", null, null, true),
        new Endpoint("GET", "/api/crm/tasks?due=overdue&limit=10", null, null, true),
        new Endpoint("GET", "/api/crm/tasks?due=done", null, null, true),
        new Endpoint("POST", "/api/crm/tasks/{id}/complete", null, "task", false),
        new Endpoint("POST", "/api/crm/tasks/{id}/reopen", null, "task", false),
        new Endpoint("GET", "/api/crm/notes/client/{id}", null, "client", true),
        new Endpoint("GET", "/api/crm/notes/deal/{id}", null, "deal", true),
        new Endpoint("POST", "/api/crm/notes", "{\"entityType\": \"client\", \"entityId\": \""
            + UUID.randomUUID() + "\", \"content\": \"Matrix\"}", null, false),
        new Endpoint("PUT", "/api/crm/notes/{id}", "{\"content\": \"Changed\"}", "note", false),
        new Endpoint("DELETE", "/api/crm/notes/{id}", null, "note", false),
        new Endpoint("POST", "/api/crm/notes/{id}/restore", null, "note", false),
        new Endpoint("GET", "/api/crm/meetings", null, null, true),
        new Endpoint("GET", "/api/crm/meetings?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&mine=true", null,
            null, true),
        new Endpoint("POST", "/api/crm/meetings", MEETING, null, false),
        new Endpoint("GET", "/api/crm/meetings/{id}", null, "meeting", true),
        new Endpoint("PUT", "/api/crm/meetings/{id}", "{\"description\": \"Changed\"}", "meeting", false),
        new Endpoint("POST", "/api/crm/meetings/{id}/rsvp", "{\"email\": \"guest@example.com\", "
            + "\"status\": \"accepted\"}", "meeting", false),
        new Endpoint("POST", "/api/crm/meetings/{id}/complete", "{\"outcome\": \"Done\"}", "meeting", false),
        new Endpoint("POST", "/api/crm/meetings/{id}/cancel", null, "meeting", false),
        new Endpoint("GET", "/api/crm/meetings/{id}/ics", null, "meeting", true),
        new Endpoint("DELETE", "/api/crm/meetings/{id}", null, "meeting", false),
        new Endpoint("GET", "/api/imports", null, null, true),
        // Sent as JSON here: the role is checked before the parts are read (the multipart way is ImportApiIntegrationTest's).
        new Endpoint("POST", "/api/imports", "{}", null, false),
        new Endpoint("GET", "/api/imports/{id}", null, "import", true),
        new Endpoint("GET", "/api/imports/{id}/rejected", null, "import", true),
        new Endpoint("POST", "/api/imports/{id}/undo", null, "import", false),
        new Endpoint("POST", "/api/clients/batch", "{\"inputs\": [{\"name\": \"Matrix batch\"}]}", null, false),
        new Endpoint("POST", "/api/crm/deals/batch", "{\"inputs\": [{\"name\": \"Matrix batch deal\"}]}", null,
            false),
        new Endpoint("GET", "/api/webhooks", null, null, false),
        new Endpoint("GET", "/api/webhooks/event-types", null, null, false),
        new Endpoint("POST", "/api/webhooks", WEBHOOK, null, false),
        new Endpoint("GET", "/api/webhooks/{id}", null, "webhook", false),
        new Endpoint("PUT", "/api/webhooks/{id}", "{\"description\": \"Changed\"}", "webhook", false),
        new Endpoint("POST", "/api/webhooks/{id}/rotate-secret", null, "webhook", false),
        new Endpoint("GET", "/api/webhooks/{id}/deliveries", null, "webhook", false),
        new Endpoint("POST", "/api/webhooks/deliveries/{id}/redeliver", null, "delivery", false),
        new Endpoint("DELETE", "/api/webhooks/{id}", null, "webhook", false));
  }

  static final String PIPELINE = """
      {"name": "Matrix pipeline", "stages": [
        {"label": "Open", "color": "#3b82f6", "probability": 20, "kind": "open", "requiredFields": ["value"]},
        {"label": "Won", "color": "#10b981", "kind": "won"}, {"label": "Lost", "color": "#ef4444", "kind": "lost"}]}""";

  /** A public address (TEST-NET-3): accepted by the destination rule, never reached. */
  static final String WEBHOOK = """
      {"url": "https://203.0.113.9/hooks", "eventTypes": ["client.created"]}""";

  static final String MEETING = """
      {"title": "Matrix meeting", "startTime": "2027-03-01T10:00:00Z", "endTime": "2027-03-01T11:00:00Z",
       "attendees": [{"email": "guest@example.com", "name": "Guest"}]}""";

  static Stream<Endpoint> endpointsWithAnId() {
    return endpoints().filter(e -> e.idKind() != null);
  }

  static Stream<Endpoint> viewersMay() {
    return endpoints().filter(Endpoint::viewerMay);
  }

  static Stream<Endpoint> viewersMayNot() {
    return endpoints().filter(e -> !e.viewerMay());
  }

  @LocalServerPort int port;
  Api anonymous;
  Api owner;
  Api revoked;
  Api viewer;
  Api.Account other;
  /** Ids that exist only in the other workspace. */
  Map<String, String> foreign;
  /** Ids that exist in ours, for the calls that should pass the tenant check and fail on role only. */
  Map<String, String> own;

  @BeforeAll
  void workspaces() {
    anonymous = new Api(port);
    var a = anonymous.signUp("Matrix A");
    other = anonymous.signUp("Matrix B");
    owner = anonymous.bearer(anonymous.tokenFor(a));
    var dead = anonymous.basic(a.email(), a.password()).post("/api/tokens", "{\"name\": \"dead\"}");
    owner.delete("/api/tokens/" + dead.text("id"));
    revoked = anonymous.bearer(dead.text("token"));

    String viewerEmail = "viewer-" + UUID.randomUUID() + "@example.com";
    var viewerInvitation = owner.post("/api/members", """
        {"email": "%s", "role": "viewer"}""".formatted(viewerEmail));
    String acceptUrl = viewerInvitation.text("acceptUrl");
    viewerToken = acceptUrl.substring(acceptUrl.lastIndexOf('/') + 1);
    var v = owner.post("/api/members", """
        {"email": "%s", "name": "Vi Ewer", "role": "viewer", "password": "viewer-password-1"}""".formatted(viewerEmail));
    viewer = anonymous.basic(viewerEmail, "viewer-password-1");
    String viewerApiToken = viewer.post("/api/tokens", "{\"name\": \"viewer\"}").text("id");

    var otherApi = anonymous.bearer(anonymous.tokenFor(other));
    String otherToken = anonymous.basic(other.email(), other.password()).post("/api/tokens", "{\"name\": \"b\"}").text("id");
    String otherClient = otherApi.post("/api/clients", "{\"name\": \"Theirs\"}").text("id");
    String ownClient = owner.post("/api/clients", "{\"name\": \"Ours\"}").text("id");
    String otherDeal = otherApi.post("/api/crm/deals", "{\"name\": \"Their deal\"}").text("id");
    String ownDeal = owner.post("/api/crm/deals", "{\"name\": \"Our deal\"}").text("id");
    String otherNote = otherApi.post("/api/crm/notes", """
        {"entityType": "client", "entityId": "%s", "content": "Their note"}""".formatted(otherClient)).text("id");
    String ownNote = owner.post("/api/crm/notes", """
        {"entityType": "deal", "entityId": "%s", "content": "Our note"}""".formatted(ownDeal)).text("id");
    String otherMeeting = otherApi.post("/api/crm/meetings", MEETING).text("id");
    String ownMeeting = owner.post("/api/crm/meetings", MEETING).text("id");
    String otherInvitation = otherApi.post("/api/members", """
        {"email": "x-%s@example.com", "role": "member"}""".formatted(UUID.randomUUID())).text("invitationId");
    String ownInvitation = owner.post("/api/members", """
        {"email": "y-%s@example.com", "role": "member"}""".formatted(UUID.randomUUID())).text("invitationId");
    String tier = """
        {"entityType": "client", "fieldLabel": "Tier", "fieldType": "select", "options": ["Gold", "Silver"]}""";
    String budget = """
        {"entityType": "deal", "fieldLabel": "Budget", "fieldType": "number"}""";
    String otherField = otherApi.post("/api/crm/custom-fields", tier).text("id");
    String ownField = owner.post("/api/crm/custom-fields", tier).text("id");
    owner.post("/api/crm/custom-fields", budget);
    byte[] csv = "name\nImported\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String otherImport = otherApi.multipart("/api/imports", Map.of("entity", "clients"), "c.csv", csv).text("id");
    String ownImport = owner.multipart("/api/imports", Map.of("entity", "clients"), "c.csv", csv).text("id");
    String otherPipeline = otherApi.post("/api/crm/pipelines", PIPELINE).text("id");
    String ownPipeline = owner.post("/api/crm/pipelines", PIPELINE).text("id");
    String otherWebhook = otherApi.post("/api/webhooks", WEBHOOK).text("id");
    String ownWebhook = owner.post("/api/webhooks", WEBHOOK).text("id");
    String task = """
        {"entityType": "client", "entityId": "%s", "activityType": "task", "subject": "Call back",
         "dueAt": "2026-12-01T10:00:00Z", "priority": "high"}""";
    String otherTask = otherApi.post("/api/crm/activities", task.formatted(otherClient)).text("id");
    String ownTask = owner.post("/api/crm/activities", task.formatted(ownClient)).text("id");
    foreign = new java.util.HashMap<>(Map.of("import", otherImport, "member", other.userId(), "token", otherToken,
        "client", otherClient, "deal", otherDeal, "note", otherNote, "meeting", otherMeeting, "invitation",
        otherInvitation, "field", otherField, "pipeline", otherPipeline));
    foreign.put("webhook", otherWebhook);
    foreign.put("delivery", delivery(otherApi, otherWebhook));
    foreign.put("task", otherTask);
    own = new java.util.HashMap<>(Map.of("import", ownImport, "member", v.text("userId"), "token", viewerApiToken,
        "client", ownClient, "deal", ownDeal, "note", ownNote, "meeting", ownMeeting, "invitation", ownInvitation,
        "field", ownField, "pipeline", ownPipeline));
    own.put("webhook", ownWebhook);
    own.put("delivery", delivery(owner, ownWebhook));
    own.put("task", ownTask);
    assertThat(otherApi.get("/api/members").status()).isEqualTo(200);
  }

  /** A delivery of the endpoint: a client created for it, its delivery awaited (they are made after the commit). */
  private static String delivery(Api api, String webhook) {
    api.post("/api/clients", "{\"name\": \"Delivered\"}");
    return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
      var list = api.get("/api/webhooks/" + webhook + "/deliveries").json();
      return list.isEmpty() ? null : list.get(0).get("id").asString();
    }, java.util.Objects::nonNull);
  }

  /** The token of the viewer's invitation (to the workspace they are already in). */
  String viewerToken;

  private String path(Endpoint e, Map<String, String> ids) {
    String path = e.path().replace("{token}", viewerToken);
    return e.idKind() == null ? path : path.replace("{id}", ids.get(e.idKind()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void isInTheOpenApiDocument(Endpoint e) {
    var spec = anonymous.get("/api/openapi.yaml");
    assertThat(spec.status()).isEqualTo(200);
    // Timelines and notes are documented as /{entityType}/{entityId}, called here as /client/{id} or /deal/{id}.
    String path = e.path().replaceFirst("\\?.*$", "").replaceFirst("/(client|deal)/\\{id}$", "/{entityType}/{entityId}");
    assertThat(spec.body()).contains("\n  " + path + ":");
    assertThat(spec.body()).containsPattern("(?s)\n  " + java.util.regex.Pattern.quote(path) + ":.*?\n    "
        + e.method().toLowerCase(java.util.Locale.ROOT) + ":");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void withoutCredentialsIs401(Endpoint e) {
    var r = anonymous.send(e.method(), path(e, own), e.body());
    assertThat(r.status()).as(r.toString()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void withARevokedTokenIs401(Endpoint e) {
    assertThat(revoked.send(e.method(), path(e, own), e.body()).status()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void withAnotherWorkspacesTenantIdIs403(Endpoint e) {
    assertThat(owner.tenant(other.tenantId()).send(e.method(), path(e, own), e.body()).status()).isEqualTo(403);
    assertThat(viewer.tenant(other.tenantId()).send(e.method(), path(e, own), e.body()).status()).isEqualTo(403);
    assertThat(viewer.tenant("not-a-uuid").send(e.method(), path(e, own), e.body()).status()).isEqualTo(403);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpointsWithAnId")
  void anIdOfAnotherWorkspaceIs404(Endpoint e) {
    var r = owner.send(e.method(), path(e, foreign), e.body());
    assertThat(r.status()).as(r.toString()).isEqualTo(404);
    assertThat(owner.send(e.method(), e.path().replace("{id}", UUID.randomUUID().toString()), e.body()).status())
        .isEqualTo(404);
    assertThat(owner.send(e.method(), e.path().replace("{id}", "not-an-id"), e.body()).status()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("viewersMay")
  void aViewerMayUseWhatViewersMay(Endpoint e) {
    var r = viewer.send(e.method(), path(e, own), e.body());
    assertThat(r.status()).as(r.toString()).isBetween(200, 299);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("viewersMayNot")
  void aViewerCannotChangeWhatViewersMayNot(Endpoint e) {
    var r = viewer.send(e.method(), path(e, own), e.body());
    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }
}
