package com.orbitcrm.integrations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One try at a delivery: the receiver's status code (none when it could not be reached or the destination was
 * refused), how long it took, the start of its answer and, on failure, why.
 */
public record DeliveryAttempt(int attempt, Instant at, @Nullable Integer statusCode, long durationMs,
                              @Nullable String responseExcerpt, @Nullable String error) {

  /** The most characters of a receiver's answer kept. */
  public static final int EXCERPT = 1_000;

  /** Received: a 2xx answer. Anything else (a redirect included: they are not followed) is a failure. */
  public boolean succeeded() {
    return statusCode != null && statusCode >= 200 && statusCode < 300;
  }

  public static @Nullable String excerpt(@Nullable String body) {
    if (body == null || body.isEmpty()) {
      return null;
    }
    return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT);
  }
}
