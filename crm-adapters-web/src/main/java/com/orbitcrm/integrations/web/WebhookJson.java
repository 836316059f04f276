package com.orbitcrm.integrations.web;

import com.orbitcrm.integrations.DeliveryAttempt;
import com.orbitcrm.integrations.EventType;
import com.orbitcrm.integrations.WebhookDelivery;
import com.orbitcrm.integrations.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON of {@code /api/webhooks}. The secret is in an answer only when made or rotated ({@code secret}). */
final class WebhookJson {

  private WebhookJson() {}

  record Endpoint(String id, String url, @Nullable String description, List<String> eventTypes, boolean enabled,
                  @Nullable String disabledReason, @Nullable Instant disabledAt, String secretHint,
                  @Nullable String secret, Instant createdAt, Instant updatedAt, int version) {}

  record Attempt(int attempt, Instant at, @Nullable Integer statusCode, long durationMs,
                 @Nullable String responseExcerpt, @Nullable String error) {}

  record Delivery(String id, String webhookId, String eventType, String status, int attempts,
                  @Nullable Instant nextAttemptAt, @Nullable Instant lastAttemptAt, Instant createdAt, String payload,
                  List<Attempt> log) {}

  static Endpoint of(WebhookEndpoint e, @Nullable String secret) {
    return new Endpoint(e.id().toString(), e.url().toString(), e.description(),
        e.sortedTypes().stream().map(EventType::key).toList(), e.enabled(), e.disabledReason(), e.disabledAt(),
        e.secret().hint(), secret, e.createdAt(), e.updatedAt(), e.version());
  }

  static Delivery of(WebhookDelivery d) {
    return new Delivery(d.id().toString(), d.messageId(), d.type().key(), d.status().key(), d.attempts(),
        d.nextAttemptAt(), d.lastAttemptAt(), d.createdAt(), d.payload(), d.log().stream().map(WebhookJson::of).toList());
  }

  static Attempt of(DeliveryAttempt a) {
    return new Attempt(a.attempt(), a.at(), a.statusCode(), a.durationMs(), a.responseExcerpt(), a.error());
  }
}
