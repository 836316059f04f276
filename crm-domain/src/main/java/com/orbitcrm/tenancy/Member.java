package com.orbitcrm.tenancy;

import com.orbitcrm.platform.EmailAddress;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A member of a workspace as colleagues see them. */
public record Member(UserId user, String name, EmailAddress email, Role role, Instant joinedAt,
                     @Nullable Instant lastSignInAt) {
  public String initials() {
    return Initials.of(name);
  }
}
