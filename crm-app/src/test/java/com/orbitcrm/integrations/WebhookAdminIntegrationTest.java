package com.orbitcrm.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Registering webhooks as the application is configured by default: destinations on loopback, private and
 * link-local addresses refused (request forgery), the subscription checked, admins only, the secret answered once
 * and rotatable.
 */
@OrbitIntegrationTest
class WebhookAdminIntegrationTest {

  @LocalServerPort int port;
  Api anonymous;
  Api owner;

  @BeforeEach
  void workspace() {
    anonymous = new Api(port);
    owner = anonymous.bearer(anonymous.tokenFor(anonymous.signUp("Hook admin " + UUID.randomUUID())));
  }

  @Test
  void destinationsOnTheLocalNetworkAreRefused() {
    for (String url : new String[] {"http://127.0.0.1:8080/hooks", "http://localhost/hooks", "http://[::1]/x",
        "http://10.1.2.3/x", "http://192.168.0.10/x", "http://169.254.169.254/latest/meta-data",
        "http://[::ffff:127.0.0.1]/x", "http://0.0.0.0/x", "http://100.64.0.1/x", "http://[fd00::1]/x"}) {
      var r = owner.post("/api/webhooks", """
          {"url": "%s", "eventTypes": ["client.created"]}""".formatted(url));
      assertThat(r.status()).as(url + " " + r).isEqualTo(400);
      assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
      assertThat(r.body()).contains("may not call");
    }
    assertThat(owner.get("/api/webhooks").json()).isEmpty();
  }

  @Test
  void aRegistrationIsCheckedWhole() {
    var r = owner.post("/api/webhooks", """
        {"url": "ftp://example.com/x", "eventTypes": ["client.exploded"]}""");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("\"url\"").contains("eventTypes").contains("client.exploded");
    assertThat(owner.post("/api/webhooks", "{\"url\": \"https://203.0.113.7/hooks\"}").body())
        .contains("eventTypes");
  }

  @Test
  void onlyAdminsManageWebhooksAndTheSecretIsShownOnceAndRotates() {
    var made = owner.post("/api/webhooks", """
        {"url": "https://203.0.113.7/hooks", "eventTypes": ["meeting.*"]}""");
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    String id = made.text("id");
    String secret = made.text("secret");
    assertThat(made.json().get("eventTypes")).hasSize(6);
    assertThat(owner.get("/api/webhooks").body()).doesNotContain(secret);
    var rotated = owner.post("/api/webhooks/" + id + "/rotate-secret", "");
    assertThat(rotated.text("secret")).startsWith("whsec_").isNotEqualTo(secret);
    assertThat(owner.get("/api/webhooks/" + id).body()).doesNotContain(rotated.text("secret"));

    String email = "member-" + UUID.randomUUID() + "@example.com";
    owner.post("/api/members", """
        {"email": "%s", "name": "Mem", "role": "member", "password": "member-password-1"}""".formatted(email));
    var member = anonymous.basic(email, "member-password-1");
    assertThat(member.get("/api/webhooks").status()).isEqualTo(403);
    assertThat(member.post("/api/webhooks", """
        {"url": "https://203.0.113.7/hooks", "eventTypes": ["client.created"]}""").status()).isEqualTo(403);
    assertThat(member.delete("/api/webhooks/" + id).status()).isEqualTo(403);
    assertThat(member.post("/api/clients/batch", "{\"inputs\": [{\"name\": \"Member batch\"}]}").status())
        .isEqualTo(200);
    assertThat(owner.delete("/api/webhooks/" + id).status()).isEqualTo(204);
    assertThat(owner.get("/api/webhooks/" + id).status()).isEqualTo(404);
  }
}
