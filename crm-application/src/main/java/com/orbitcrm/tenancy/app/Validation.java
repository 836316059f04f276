package com.orbitcrm.tenancy.app;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Collects every field's problem before answering, so a form shows them all at once. */
final class Validation {

  private final List<FieldViolation> violations = new ArrayList<>();

  /** A required text of at most {@code max} characters, stripped. */
  String text(String field, @Nullable String value, int max) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      reject(field, "is required");
    } else if (v.length() > max) {
      reject(field, "must be at most " + max + " characters");
    }
    return v;
  }

  void check(String field, Optional<String> problem) {
    problem.ifPresent(p -> reject(field, p));
  }

  void reject(String field, String message) {
    violations.add(new FieldViolation(field, message));
  }

  boolean ok() {
    return violations.isEmpty();
  }

  void throwIfInvalid() {
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }
}
