package com.orbitcrm.tenancy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A password reset link, by the hash of its secret: whose password it sets, until when, and whether it was used. */
public record PasswordReset(String hash, UserId user, Instant expiresAt, @Nullable Instant usedAt) {

  /** Why the link no longer works at {@code now}, if it does not. */
  public java.util.Optional<String> problem(Instant now) {
    if (usedAt != null) {
      return java.util.Optional.of("This link was already used: ask for a new one.");
    }
    if (!expiresAt.isAfter(now)) {
      return java.util.Optional.of("This link has expired: ask for a new one.");
    }
    return java.util.Optional.empty();
  }
}
