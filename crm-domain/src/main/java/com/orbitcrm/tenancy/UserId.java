package com.orbitcrm.tenancy;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a person who can sign in; a user may be a member of several workspaces.
 *
 * @param value must not be {@literal null}.
 */
public record UserId(UUID value) {

  public UserId {
    Objects.requireNonNull(value, "user id must not be null");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
