package com.orbitcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.OrbitIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With no trusted proxy configured (the default), forwarded headers are somebody's claim, not the request's
 * truth: they neither move redirects to another host or scheme nor make cookies secure.
 */
@OrbitIntegrationTest
class UntrustedForwardedHeadersIntegrationTest {

  @LocalServerPort int port;

  @Test
  void forwardedHeadersFromAnUntrustedAddressAreIgnored() throws Exception {
    var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    var answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/clients"))
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example")
        .header("X-Forwarded-For", "203.0.113.9").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location").orElseThrow())
        .doesNotContain("evil.example").doesNotStartWith("https:");
    assertThat(answer.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
  }
}
