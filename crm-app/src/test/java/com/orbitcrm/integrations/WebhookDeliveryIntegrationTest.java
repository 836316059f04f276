package com.orbitcrm.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end with a receiver on 127.0.0.1 (allowed here by {@code orbit.webhooks.allow-private-networks}):
 * a delivery whose Standard Webhooks signature the test checks on its own, a stage change, a redelivery by hand,
 * and a receiver that keeps failing — retried, given up, and its endpoint switched off.
 */
@OrbitIntegrationTest
@TestPropertySource(properties = {"orbit.webhooks.allow-private-networks=true", "orbit.webhooks.retry-delays=1s,1s",
    "orbit.webhooks.poll-interval=200ms"})
class WebhookDeliveryIntegrationTest {

  @LocalServerPort int port;
  Api owner;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.bearer(anonymous.tokenFor(anonymous.signUp("Hooks " + UUID.randomUUID())));
  }

  @Test
  void aDeliveryIsSignedAsTheStandardSaysAndLogged() throws Exception {
    try (var receiver = new TestReceiver(200)) {
      var endpoint = owner.post("/api/webhooks", """
          {"url": "%s", "description": "CRM sync", "eventTypes": ["client.created", "deal.*"]}"""
          .formatted(receiver.url()));
      assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
      String secret = endpoint.text("secret");
      assertThat(secret).startsWith("whsec_");
      String id = endpoint.text("id");
      assertThat(owner.get("/api/webhooks/" + id).json().get("secret").isNull()).isTrue();

      String client = owner.post("/api/clients", "{\"name\": \"Hooked Corp\"}").text("id");
      var got = receiver.next();
      long timestamp = Long.parseLong(got.headers().get("webhook-timestamp"));
      assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
      assertThat(got.headers().get("webhook-id")).startsWith("msg_");
      assertThat(got.headers().get("content-type")).startsWith("application/json");
      // The signature, computed here from the spec, not by the application's code.
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
          (got.headers().get("webhook-id") + "." + timestamp + "." + got.body()).getBytes(StandardCharsets.UTF_8)));
      assertThat(got.headers().get("webhook-signature").split(" ")).contains(expected);
      JsonNode payload = Api.JSON.readTree(got.body());
      assertThat(payload.get("type").asString()).isEqualTo("client.created");
      assertThat(payload.get("data").get("id").asString()).isEqualTo(client);
      assertThat(payload.get("data").get("label").asString()).isEqualTo("Hooked Corp");

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        JsonNode deliveries = owner.get("/api/webhooks/" + id + "/deliveries").json();
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).get("status").asString()).isEqualTo("succeeded");
        assertThat(deliveries.get(0).get("log").get(0).get("statusCode").asInt()).isEqualTo(200);
        assertThat(deliveries.get(0).get("log").get(0).get("responseExcerpt").asString()).isEqualTo("thanks");
      });

      // Not subscribed: client.updated sends nothing; a stage change does.
      owner.put("/api/clients/" + client, "{\"city\": \"Austin\"}");
      String deal = owner.post("/api/crm/deals", "{\"name\": \"Hooked deal\"}").text("id");
      assertThat(Api.JSON.readTree(receiver.next().body()).get("type").asString()).isEqualTo("deal.created");
      owner.patch("/api/crm/deals/" + deal + "/stage", "{\"stage\": \"proposal\"}");
      var moved = Api.JSON.readTree(receiver.next().body());
      assertThat(moved.get("type").asString()).isEqualTo("deal.stage_changed");
      assertThat(moved.get("data").get("fromStage").asString()).isEqualTo("lead");
      assertThat(moved.get("data").get("toStage").asString()).isEqualTo("proposal");

      // Sent again by hand: the same message id.
      String first = owner.get("/api/webhooks/" + id + "/deliveries").json().get(2).get("id").asString();
      String firstMessage = owner.get("/api/webhooks/" + id + "/deliveries").json().get(2).get("webhookId").asString();
      assertThat(owner.post("/api/webhooks/deliveries/" + first + "/redeliver", "").status())
          .isEqualTo(202);
      assertThat(receiver.next().headers().get("webhook-id")).isEqualTo(firstMessage);
      assertThat(receiver.received).isEmpty();
    }
  }

  @Test
  void aReceiverThatKeepsFailingIsRetriedThenItsEndpointIsSwitchedOff() throws Exception {
    try (var receiver = new TestReceiver(500)) {
      String id = owner.post("/api/webhooks", """
          {"url": "%s", "eventTypes": ["note.created"]}""".formatted(receiver.url())).text("id");
      String client = owner.post("/api/clients", "{\"name\": \"Noted\"}").text("id");
      owner.post("/api/crm/notes", """
          {"entityType": "client", "entityId": "%s", "content": "Call back"}""".formatted(client));
      var one = receiver.next();
      var two = receiver.next();
      var three = receiver.next();
      assertThat(two.headers().get("webhook-id")).isEqualTo(one.headers().get("webhook-id"));
      assertThat(three.headers().get("webhook-id")).isEqualTo(one.headers().get("webhook-id"));
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        var endpoint = owner.get("/api/webhooks/" + id).json();
        assertThat(endpoint.get("enabled").asBoolean()).isFalse();
        assertThat(endpoint.get("disabledReason").asString()).contains("3 attempts");
      });
      JsonNode delivery = owner.get("/api/webhooks/" + id + "/deliveries").json().get(0);
      assertThat(delivery.get("status").asString()).isEqualTo("failed");
      assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
      assertThat(delivery.get("log").get(2).get("statusCode").asInt()).isEqualTo(500);
      assertThat(delivery.get("log").get(2).get("responseExcerpt").asString()).isEqualTo("receiver is broken");

      // Switched off: nothing more is sent, until an admin switches it on again.
      owner.post("/api/crm/notes", """
          {"entityType": "client", "entityId": "%s", "content": "Again"}""".formatted(client));
      Thread.sleep(1_500); // the note's event is handled (and finds no subscriber) before the endpoint is on again
      receiver.status = 200;
      var on = owner.put("/api/webhooks/" + id, "{\"enabled\": true}");
      assertThat(on.json().get("disabledReason").isNull()).isTrue();
      owner.post("/api/crm/notes", """
          {"entityType": "client", "entityId": "%s", "content": "Third"}""".formatted(client));
      var after = Api.JSON.readTree(receiver.next().body());
      assertThat(after.get("type").asString()).isEqualTo("note.created");
      assertThat(receiver.received).isEmpty();
    }
  }

  @Test
  void aBatchSendsOneDeliveryPerRecord() throws Exception {
    try (var receiver = new TestReceiver(200)) {
      owner.post("/api/webhooks", """
          {"url": "%s", "eventTypes": ["client.created", "client.updated"]}""".formatted(receiver.url()));
      var batch = owner.post("/api/clients/batch", """
          {"inputs": [{"name": "One"}, {"name": "Two"}, {"state": "bad"}, {"name": "Three"}]}""");
      var ids = new java.util.HashSet<String>();
      batch.json().get("results").forEach(r -> {
        if (!r.get("id").isNull()) {
          ids.add(r.get("id").asString());
        }
      });
      assertThat(ids).hasSize(3);
      var received = new java.util.HashSet<String>();
      for (int i = 0; i < 3; i++) {
        var payload = Api.JSON.readTree(receiver.next().body());
        assertThat(payload.get("type").asString()).isEqualTo("client.created");
        received.add(payload.get("data").get("id").asString());
      }
      assertThat(received).isEqualTo(ids);
    }
  }

  @Test
  void aRedirectIsNotFollowed() throws Exception {
    try (var receiver = new TestReceiver(302)) {
      String id = owner.post("/api/webhooks", """
          {"url": "%s", "eventTypes": ["client.created"]}""".formatted(receiver.url())).text("id");
      owner.post("/api/clients", "{\"name\": \"Redirected\"}");
      receiver.next();
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        JsonNode log = owner.get("/api/webhooks/" + id + "/deliveries").json().get(0).get("log");
        assertThat(log.get(0).get("statusCode").asInt()).isEqualTo(302);
        assertThat(log.get(0).get("error").asString()).contains("Redirects are not followed");
      });
    }
  }
}
