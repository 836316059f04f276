package com.orbitcrm.customfields;

import java.util.Objects;
import java.util.UUID;

public record FieldId(UUID value) {
  public FieldId {
    Objects.requireNonNull(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
