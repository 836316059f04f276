package com.orbitcrm.clients;

import java.util.Objects;
import java.util.UUID;

/** The identity of a client within its workspace. */
public record ClientId(UUID value) {
  public ClientId {
    Objects.requireNonNull(value, "client id must not be null");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
