package com.orbitcrm.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.TenantId;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The integrations module's rules, each on its own. */
class WebhookRulesUnitTest {

  @Test
  void theSignatureIsTheStandardWebhooksOne() {
    // The test vector of the Standard Webhooks specification's reference libraries.
    var secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    assertThat(secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    assertThat(WebhookSecret.generate().value()).startsWith("whsec_").isNotEqualTo(WebhookSecret.generate().value());
    assertThat(secret.toString()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    assertThatThrownBy(() -> new WebhookSecret("nope")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void localDestinationsAreRefusedUnlessAllowed() throws Exception {
    var rule = new Destinations(false);
    for (String refused : List.of("127.0.0.1", "127.8.9.10", "::1", "10.0.0.1", "172.16.5.4", "192.168.1.1",
        "169.254.169.254", "fe80::1", "fd12:3456::1", "0.0.0.0", "::", "100.64.1.1", "224.0.0.1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "198.18.0.1", "255.255.255.255")) {
      assertThat(rule.refusal(InetAddress.getByName(refused))).as(refused).isPresent();
    }
    for (String allowed : List.of("93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1", "100.128.0.1")) {
      assertThat(rule.refusal(InetAddress.getByName(allowed))).as(allowed).isEmpty();
    }
    assertThat(rule.refusal(List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1"))))
        .hasValueSatisfying(r -> assertThat(r).contains("10.0.0.1"));
    assertThat(rule.refusal(List.of())).isPresent();
    assertThat(new Destinations(true).refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
  }

  @Test
  void urlsAreHttpWithAHostAndNoCredentials() {
    assertThat(WebhookUrl.parse(" https://hooks.example.com/orbit?x=1 ").host()).isEqualTo("hooks.example.com");
    assertThat(WebhookUrl.parse("http://[::1]:8080/x").host()).isEqualTo("::1");
    for (String bad : List.of("", "ftp://example.com", "https://user:pw@example.com/", "example.com/x",
        "https://example.com/#frag", "https:///nohost", "https://" + "a".repeat(2001))) {
      assertThatThrownBy(() -> WebhookUrl.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void eventTypesAreParsedByNameOrFamily() {
    assertThat(EventType.parse(List.of("meeting.*"))).hasSize(6).allMatch(t -> t.family().equals("meeting"));
    assertThat(EventType.parse(List.of("client.created", " Deal.Stage_Changed "))).containsExactlyInAnyOrder(
        EventType.CLIENT_CREATED, EventType.DEAL_STAGE_CHANGED);
    assertThat(EventType.parse(List.of("*"))).hasSize(EventType.values().length);
    assertThatThrownBy(() -> EventType.parse(List.of("client.exploded", "nope.*")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("client.exploded");
    assertThatThrownBy(() -> EventType.parse(List.of())).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aFailedDeliveryIsRetriedOnTheScheduleThenGivenUpAndMaySwitchItsEndpointOff() {
    var schedule = RetrySchedule.STANDARD;
    assertThat(schedule.attempts()).isEqualTo(8);
    assertThat(schedule.span()).isBetween(Duration.ofHours(24), Duration.ofHours(30));
    Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
    var delivery = WebhookDelivery.of(new TenantId(UUID.randomUUID()), UUID.randomUUID(), EventType.CLIENT_CREATED,
        "{}", t0);
    assertThat(delivery.messageId()).startsWith("msg_").doesNotContain("-");

    var first = delivery.after(new DeliveryAttempt(1, t0, 500, 30, "oops", null), schedule, false);
    assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(first.nextAttemptAt()).isEqualTo(t0.plusSeconds(5));
    var received = first.after(new DeliveryAttempt(2, t0.plusSeconds(5), 204, 10, null, null), schedule, false);
    assertThat(received.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
    assertThat(received.nextAttemptAt()).isNull();
    var redirected = delivery.after(new DeliveryAttempt(1, t0, 302, 10, null, "Redirects are not followed"),
        schedule, false);
    assertThat(redirected.status()).isEqualTo(DeliveryStatus.PENDING);

    var last = delivery;
    Instant at = t0;
    for (int i = 1; i <= schedule.attempts(); i++) {
      last = last.after(new DeliveryAttempt(i, at, null, 10_000, null, "timeout"), schedule, false);
      at = last.nextAttemptAt() == null ? at : last.nextAttemptAt();
    }
    assertThat(last.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(FailurePolicy.disable(last, null)).hasValueSatisfying(r -> assertThat(r).contains("8 attempts"));
    assertThat(FailurePolicy.disable(last, at.plusSeconds(1))).isEmpty();
    assertThat(FailurePolicy.disable(first, null)).isEmpty();
    var manual = delivery.after(new DeliveryAttempt(1, t0, 500, 10, null, null), schedule, true);
    assertThat(manual.status()).isEqualTo(DeliveryStatus.FAILED);
  }

  @Test
  void thePayloadIsJsonWithItsMembersInOrder() {
    var data = new java.util.LinkedHashMap<String, Object>();
    data.put("id", "c1");
    data.put("label", "Quote \" and \\ and \n and \u0001");
    data.put("count", 3);
    data.put("none", null);
    data.put("list", List.of(true, Map.of("k", 1L)));
    assertThat(new WebhookPayload(EventType.CLIENT_CREATED, Instant.parse("2026-11-29T10:00:00Z"), data).json())
        .isEqualTo("{\"type\":\"client.created\",\"timestamp\":\"2026-11-29T10:00:00Z\",\"data\":{\"id\":\"c1\","
            + "\"label\":\"Quote \\\" and \\\\ and \\n and \\u0001\",\"count\":3,\"none\":null,"
            + "\"list\":[true,{\"k\":1}]}}");
  }
}
