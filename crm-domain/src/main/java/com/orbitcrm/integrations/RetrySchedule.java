package com.orbitcrm.integrations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after each failed attempt the next delay of the list (exponential, as
 * the Standard Webhooks guidance: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — about 27 hours in all), then it is
 * given up.
 */
public record RetrySchedule(List<Duration> delays) {

  public static final RetrySchedule STANDARD = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
      Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)));

  public RetrySchedule {
    delays = List.copyOf(delays);
    if (delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
      throw new IllegalArgumentException("retry delays must be positive: " + delays);
    }
  }

  /** How many attempts a delivery gets in all. */
  public int attempts() {
    return delays.size() + 1;
  }

  /**
   * The time of the next attempt after the {@code attempt}-th one failed (counted from 1) at {@code failedAt}, or
   * empty when that was the last.
   */
  public Optional<Instant> next(int attempt, Instant failedAt) {
    return attempt < 1 || attempt > delays.size() ? Optional.empty()
        : Optional.of(failedAt.plus(delays.get(attempt - 1)));
  }

  /** The time from the first attempt to the last. */
  public Duration span() {
    return delays.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
