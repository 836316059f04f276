package com.orbitcrm.integrations;

import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message for one endpoint, tried until received or until the {@link RetrySchedule} is spent. Its id is the
 * {@code webhook-id} of every attempt (receivers de-duplicate on it).
 */
public record WebhookDelivery(TenantId tenant, UUID id, UUID endpointId, EventType type, String payload,
                              DeliveryStatus status, int attempts, @Nullable Instant nextAttemptAt,
                              @Nullable Instant lastAttemptAt, Instant createdAt, List<DeliveryAttempt> log) {

  /** How long a finished delivery is kept (shown on the settings page and by the API) before it is forgotten. */
  public static final java.time.Duration KEPT = java.time.Duration.ofDays(30);

  public WebhookDelivery {
    log = List.copyOf(log);
  }

  public static WebhookDelivery of(TenantId tenant, UUID endpointId, EventType type, String payload, Instant now) {
    return new WebhookDelivery(tenant, UUID.randomUUID(), endpointId, type, payload, DeliveryStatus.PENDING, 0, now,
        null, now, List.of());
  }

  /** The {@code webhook-id} header: {@code msg_} and the delivery's id. */
  public String messageId() {
    return "msg_" + id.toString().replace("-", "");
  }

  /**
   * The delivery after an attempt: received, or waiting for the next attempt, or given up.
   *
   * @param manual a redelivery asked for by hand: one attempt, no retries after it.
   */
  public WebhookDelivery after(DeliveryAttempt attempt, RetrySchedule schedule, boolean manual) {
    Optional<Instant> next = attempt.succeeded() || manual ? Optional.empty()
        : schedule.next(attempt.attempt(), attempt.at());
    DeliveryStatus status = attempt.succeeded() ? DeliveryStatus.SUCCEEDED
        : next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
    return new WebhookDelivery(tenant, id, endpointId, type, payload, status, attempt.attempt(), next.orElse(null),
        attempt.at(), createdAt, log);
  }

  /** Sent again by hand: pending, its next attempt now. */
  public WebhookDelivery redeliver(Instant now) {
    return new WebhookDelivery(tenant, id, endpointId, type, payload, DeliveryStatus.PENDING, attempts, now,
        lastAttemptAt, createdAt, log);
  }
}
