package com.orbitcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * Every operation of the OpenAPI document, fed hostile values in every field of its body, every query
 * parameter and its path: control and NUL characters, lone surrogates, huge and malformed numbers, wrong
 * types, long strings. No answer may be a 5xx, and every error must be problem+json. The operations come
 * from the document the app serves, so a new operation is covered without anyone remembering to.
 */
@OrbitIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTest {

  /** JSON values as they are written into a body (raw JSON text). */
  static final List<String> HOSTILE_JSON = List.of(
      "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\u0007\\u001b[31m\"", "1e309", "-1e309",
      "1" + "0".repeat(400), "1.5e-400", "0.1234567890123456789012345678901234567890", "-1", "true", "[]",
      "{}", "[\"x\", 1, null]", "\"" + "x".repeat(100_000) + "\"", "\"2026-02-30T25:61:00Z\"", "\"\"");

  /** Query and path values as they are sent (already URL-encoded). */
  static final List<String> HOSTILE_PARAMS = List.of("%00", "a%00b", "%ED%A0%80", "%FF%FE", "%C0%AF",
      "1e309", "1" + "0".repeat(400), "-1", "%0D%0AX-Injected:%201", "x".repeat(8_000), "%", "%%32%30", "[]");

  record Operation(String method, String path, Set<String> bodyFields, Set<String> queryParams) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  String token;
  Map<String, String> ids;
  List<Operation> operations;

  @BeforeAll
  void workspaceAndDocument() throws Exception {
    var anonymous = new Api(port);
    var owner = anonymous.signUp("Hostile " + UUID.randomUUID());
    token = anonymous.tokenFor(owner);
    var api = anonymous.bearer(token);
    String client = api.post("/api/clients", "{\"name\": \"Target\"}").text("id");
    String deal = api.post("/api/crm/deals", "{\"name\": \"Target deal\"}").text("id");
    String note = api.post("/api/crm/notes", """
        {"entityType": "client", "entityId": "%s", "content": "n"}""".formatted(client)).text("id");
    String meeting = api.post("/api/crm/meetings", """
        {"title": "m", "startTime": "2027-01-04T10:00:00Z", "endTime": "2027-01-04T11:00:00Z"}""").text("id");
    String member = api.post("/api/members", """
        {"email": "m-%s@example.com", "name": "M", "role": "member", "password": "member-password-1"}"""
        .formatted(UUID.randomUUID())).text("userId");
    String apiToken = anonymous.basic(owner.email(), owner.password()).post("/api/tokens", "{\"name\": \"t\"}")
        .text("id");
    String field = api.post("/api/crm/custom-fields", """
        {"entityType": "client", "fieldLabel": "Tier", "fieldType": "select", "options": ["Gold", "Silver"]}""")
        .text("id");
    String pipeline = api.post("/api/crm/pipelines", """
        {"name": "Target pipeline", "stages": [{"label": "Open", "color": "#3b82f6", "probability": 10, "kind": "open"},
          {"label": "Won", "color": "#10b981", "kind": "won"}, {"label": "Lost", "color": "#ef4444", "kind": "lost"}]}""")
        .text("id");
    ids = Map.of("/api/clients/", client, "/api/crm/deals/", deal, "/api/crm/notes/", note,
        "/api/crm/meetings/", meeting, "/api/members/", member, "/api/tokens/", apiToken,
        "/api/crm/custom-fields/", field, "/api/crm/pipelines/", pipeline);
    operations = operations(anonymous.get("/api/openapi.yaml").body());
    assertThat(operations).hasSizeGreaterThan(30);
  }

  /** The document's operations with the names of their body fields and query parameters. */
  @SuppressWarnings("unchecked")
  static List<Operation> operations(String yaml) {
    Map<String, Object> doc = new Yaml().load(yaml);
    var paths = (Map<String, Map<String, Object>>) doc.get("paths");
    var out = new ArrayList<Operation>();
    paths.forEach((path, item) -> item.forEach((method, raw) -> {
      if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
        return;
      }
      var op = (Map<String, Object>) raw;
      var query = new LinkedHashSet<String>();
      for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
        var param = resolve(doc, p);
        if ("query".equals(param.get("in"))) {
          query.add((String) param.get("name"));
        }
      }
      var fields = new LinkedHashSet<String>();
      var body = (Map<String, Object>) op.get("requestBody");
      if (body != null) {
        var content = (Map<String, Object>) body.get("content");
        var json = (Map<String, Object>) content.get("application/json");
        if (json != null) {
          collect(doc, json.get("schema"), fields);
        }
      }
      out.add(new Operation(method.toUpperCase(), path, fields, query));
    }));
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> resolve(Map<String, Object> doc, Object node) {
    var map = (Map<String, Object>) node;
    if (map.containsKey("$ref")) {
      Object target = doc;
      for (String part : ((String) map.get("$ref")).substring(2).split("/")) {
        target = ((Map<String, Object>) target).get(part);
      }
      return resolve(doc, target);
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  static void collect(Map<String, Object> doc, Object schema, Set<String> fields) {
    if (schema == null) {
      return;
    }
    var s = resolve(doc, schema);
    for (Object part : (List<Object>) s.getOrDefault("allOf", List.of())) {
      collect(doc, part, fields);
    }
    var properties = (Map<String, Object>) s.get("properties");
    if (properties != null) {
      fields.addAll(properties.keySet());
    }
  }

  Stream<Operation> operations() {
    return operations.stream();
  }

  /** The path with real ids where it has placeholders (so the hostile values reach the body's checks). */
  String concrete(String path) {
    String p = path.replace("{entityType}/{entityId}", "client/" + ids.get("/api/clients/"));
    for (var e : ids.entrySet()) {
      if (p.startsWith(e.getKey()) && p.contains("{id}")) {
        p = p.replace("{id}", e.getValue());
      }
    }
    // A token (an invitation's, a password reset link's): one of the right shape that matches nothing.
    p = p.replace("{token}", "inv_" + "x".repeat(43));
    // Any other placeholder: a value that names nothing.
    return p.replace("{id}", UUID.randomUUID().toString()).replaceAll("\\{[a-zA-Z]+}", UUID.randomUUID().toString());
  }

  HttpResponse<String> send(String method, String path, String contentType, String body, String accept)
      throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token)
        .header("Accept", accept)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** An answer, however it was sent. */
  record Answer(int status, String contentType, String body) {}

  /**
   * Sends a request line exactly as given, over a plain socket: the JDK's HTTP client refuses malformed
   * escapes ({@code %}, {@code %%32}) that a hostile client sends anyway, and that the server must answer.
   */
  Answer raw(String method, String target, String body) throws Exception {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      var out = socket.getOutputStream();
      out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
          + "\r\nAccept: application/json\r\nConnection: close\r\n"
          + (body == null ? "" : "Content-Type: application/json\r\n") + "Content-Length: " + content.length
          + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int headerEnd = response.indexOf("\r\n\r\n");
      String head = headerEnd < 0 ? response : response.substring(0, headerEnd);
      int status = Integer.parseInt(head.substring(9, 12));
      String type = head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
          .map(l -> l.substring(13).strip()).findFirst().orElse("");
      return new Answer(status, type, headerEnd < 0 ? "" : response.substring(headerEnd + 4));
    }
  }

  private static void assertHandled(HttpResponse<String> r, String what) {
    assertHandled(new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()), what);
  }

  private static void assertHandled(Answer r, String what) {
    assertThat(r.status()).as("%s → %s %s", what, r.status(), abbreviate(r.body())).isLessThan(500);
    if (r.status() >= 400) {
      assertThat(r.contentType()).as("%s → %s %s", what, r.status(), abbreviate(r.body()))
          .startsWith("application/problem+json");
      assertThat(r.body()).as(what).contains("\"error\"");
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void noFieldOfABodyAnswersA5xx(Operation op) throws Exception {
    if (op.bodyFields().isEmpty()) {
      return;
    }
    String path = concrete(op.path());
    var failures = new ArrayList<String>();
    for (String field : op.bodyFields()) {
      for (String value : HOSTILE_JSON) {
        String body = "{\"" + field + "\": " + value + "}";
        var r = send(op.method(), path, "application/json", body, "application/json");
        try {
          assertHandled(r, op + " {" + field + ": " + abbreviate(value) + "}");
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void noQueryParameterOrPathAnswersA5xx(Operation op) throws Exception {
    var failures = new ArrayList<String>();
    String path = concrete(op.path());
    String body = op.method().equals("GET") || op.method().equals("DELETE") ? null : "{}";
    for (String param : op.queryParams()) {
      for (String value : HOSTILE_PARAMS) {
        var r = raw(op.method(), path + "?" + param + "=" + value, body);
        try {
          assertHandled(r, op + "?" + param + "=" + abbreviate(value));
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
    }
    if (op.path().contains("{")) {
      for (String value : HOSTILE_PARAMS) {
        String hostilePath = op.path().replace("{entityType}/{entityId}", "client/" + value)
            .replaceAll("\\{[a-zA-Z]+}", value);
        var r = raw(op.method(), hostilePath, body);
        try {
          assertHandled(r, op.method() + " " + abbreviate(hostilePath));
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void wrongMediaTypesAreProblems(Operation op) throws Exception {
    String path = concrete(op.path());
    if (!op.bodyFields().isEmpty()) {
      assertHandled(send(op.method(), path, "text/plain", "hello", "application/json"), op + " as text/plain");
      assertHandled(send(op.method(), path, "application/json", "{\"a\": [1, 2", "application/json"),
          op + " with broken JSON");
      assertHandled(send(op.method(), path, "application/json", "\u0000", "application/json"), op + " with a NUL body");
    }
    if (op.method().equals("GET") && !op.path().endsWith("/ics") && !op.path().endsWith(".yaml")) {
      var r = send("GET", path, null, null, "application/xml");
      assertThat(r.statusCode()).as(op + " asking for XML").isLessThan(500);
    }
  }

  @org.junit.jupiter.api.Test
  void aMethodNoOperationHasIsAProblem() throws Exception {
    for (String path : List.of("/api/clients", "/api/crm/meetings/" + ids.get("/api/crm/meetings/"))) {
      var r = send("PATCH", path, "application/json", "{}", "application/json");
      assertThat(r.statusCode()).isEqualTo(405);
      assertHandled(r, "PATCH " + path);
    }
  }
}
