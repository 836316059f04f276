package com.orbitcrm.integrations;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When an endpoint that keeps failing is switched off: when a delivery to it has been given up (every attempt of
 * the {@link RetrySchedule} failed, about a day) and nothing was received by it since that delivery began. One
 * bad answer among good ones does not switch it off; a receiver that is down for a day does.
 */
public final class FailurePolicy {

  private FailurePolicy() {}

  /**
   * The reason to switch the endpoint off, or empty.
   *
   * @param givenUp the delivery that was just given up.
   * @param lastSuccess the endpoint's last received delivery, {@literal null} if none.
   */
  public static Optional<String> disable(WebhookDelivery givenUp, @Nullable Instant lastSuccess) {
    if (givenUp.status() != DeliveryStatus.FAILED) {
      return Optional.empty();
    }
    if (lastSuccess != null && lastSuccess.isAfter(givenUp.createdAt())) {
      return Optional.empty();
    }
    Duration span = givenUp.lastAttemptAt() == null ? Duration.ZERO
        : Duration.between(givenUp.createdAt(), givenUp.lastAttemptAt());
    return Optional.of("Every attempt of a " + givenUp.type().key() + " delivery failed (" + givenUp.attempts()
        + " attempts over " + human(span) + ") and nothing was received since; switched off so that no more "
        + "deliveries pile up. Fix the receiver, then switch the endpoint on again.");
  }

  static String human(Duration d) {
    if (d.toHours() >= 1) {
      return d.toHours() + " h";
    }
    if (d.toMinutes() >= 1) {
      return d.toMinutes() + " min";
    }
    return Math.max(0, d.toSeconds()) + " s";
  }
}
