package com.orbitcrm.deals;

import java.util.Objects;
import java.util.UUID;

/** The identity of a deal within its workspace. */
public record DealId(UUID value) {
  public DealId {
    Objects.requireNonNull(value, "deal id must not be null");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
