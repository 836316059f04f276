package com.orbitcrm.tenancy;

import com.orbitcrm.platform.InvalidInputException;
import java.util.Objects;

/** A workspace: one company's CRM, walled off from every other. */
public record Workspace(TenantId id, String name) {

  public static final int MAX_NAME = 255;

  public Workspace {
    Objects.requireNonNull(id);
    name = name == null ? "" : name.strip();
    if (name.isEmpty()) {
      throw InvalidInputException.of("workspace", "is required");
    }
    if (name.length() > MAX_NAME) {
      throw InvalidInputException.of("workspace", "must be at most " + MAX_NAME + " characters");
    }
  }
}
