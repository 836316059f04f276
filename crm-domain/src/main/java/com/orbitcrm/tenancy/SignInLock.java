package com.orbitcrm.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The failures in a row of one e-mail, and until when it is locked because of them. */
public record SignInLock(String email, int consecutiveFailures, Instant lastFailureAt, @Nullable Instant lockedUntil) {

  /** How much longer the lock lasts at {@code now}, if it does. */
  public Optional<Duration> remaining(Instant now) {
    return SignInPolicy.remaining(lockedUntil, now);
  }

  public boolean locked(Instant now) {
    return remaining(now).isPresent();
  }

  /** A lock that has run out: the failures before it no longer count. */
  public boolean expired(Instant now) {
    return lockedUntil != null && !lockedUntil.isAfter(now);
  }
}
