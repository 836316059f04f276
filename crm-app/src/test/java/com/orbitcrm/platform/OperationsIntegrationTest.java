package com.orbitcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What an operator relies on: metrics for operators only, the forwarded headers of the trusted proxy (here the
 * test itself, on 127.0.0.1) making sign-in cookies secure, and a request id on every answer.
 */
@OrbitIntegrationTest
@TestPropertySource(properties = {
    "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1",
    "orbit.metrics.token=" + OperationsIntegrationTest.METRICS_TOKEN})
class OperationsIntegrationTest {

  static final String METRICS_TOKEN = "scrape-me-7f3c9a";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void metricsAreForOperatorsOnlyAndCoverRequestsThePoolAndTheJobs() throws Exception {
    var anonymous = new Api(port);
    var account = anonymous.signUp("Metrics peek");
    var owner = anonymous.bearer(anonymous.tokenFor(account));
    assertThat(owner.get("/api/clients").status()).isEqualTo(200);

    assertThat(get("/actuator/prometheus", null).statusCode()).isNotEqualTo(200);
    assertThat(get("/actuator/prometheus", "Bearer wrong-" + METRICS_TOKEN).statusCode()).isNotEqualTo(200);
    // A workspace's owner is no operator: the metrics span every workspace.
    assertThat(get("/actuator/prometheus", "Basic " + java.util.Base64.getEncoder().encodeToString(
        (account.email() + ":" + account.password()).getBytes(StandardCharsets.UTF_8))).statusCode()).isNotEqualTo(200);

    var scrape = get("/actuator/prometheus", "Bearer " + METRICS_TOKEN);
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("http_server_requests_seconds_bucket")
        .contains("uri=\"/api/clients\"")
        .contains("hikaricp_connections_active")
        .contains("dbscheduler_");
  }

  @Test
  void behindTheTrustedProxyAnHttpsSignInGetsASecureCookie() throws Exception {
    var anonymous = new Api(port);
    var account = anonymous.signUp("Behind the proxy");
    var loginPage = send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https").GET());
    var csrf = CSRF.matcher(loginPage.body());
    assertThat(csrf.find()).isTrue();
    String cookie = loginPage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

    var signIn = send(HttpRequest.newBuilder(uri("/login"))
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7")
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
        .POST(HttpRequest.BodyPublishers.ofString("email=" + enc(account.email()) + "&password="
            + enc(account.password()) + "&_csrf=" + enc(csrf.group(1)))));
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location").orElseThrow()).startsWith("https://");
    assertThat(signIn.headers().allValues("Set-Cookie")).isNotEmpty()
        .allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
  }

  @Test
  void everyAnswerCarriesARequestIdAndAPlainOneFromTheProxyIsKept() throws Exception {
    var fresh = get("/login", null).headers().firstValue("X-Request-Id");
    assertThat(fresh).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    var kept = send(HttpRequest.newBuilder(uri("/login")).header("X-Request-Id", "edge-42.a").GET());
    assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("edge-42.a");
    var forged = send(HttpRequest.newBuilder(uri("/api/clients")).header("X-Request-Id", "<x> forged line").GET());
    assertThat(forged.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id)
        .matches("[0-9a-f-]{36}"));
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    var request = HttpRequest.newBuilder(uri(path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
