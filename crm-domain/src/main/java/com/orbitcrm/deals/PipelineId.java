package com.orbitcrm.deals;

import java.util.Objects;
import java.util.UUID;

/** The identity of a pipeline within its workspace. */
public record PipelineId(UUID value) {
  public PipelineId {
    Objects.requireNonNull(value, "pipeline id must not be null");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
