package com.orbitcrm.platform;

import java.util.Objects;

/**
 * A rejected input value: which field, and why, in words a user can act on.
 *
 * @param field the API (camelCase) name of the field; must not be {@literal null}.
 * @param message must not be {@literal null}.
 */
public record FieldViolation(String field, String message) {
  public FieldViolation {
    Objects.requireNonNull(field);
    Objects.requireNonNull(message);
  }
}
