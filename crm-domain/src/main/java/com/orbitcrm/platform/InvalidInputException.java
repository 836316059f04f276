package com.orbitcrm.platform;

import java.util.List;

/** Input that breaks a rule; answered with 400 and the violations, field by field. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldViolation> violations;

  public InvalidInputException(List<FieldViolation> violations) {
    super(violations.isEmpty() ? "invalid input" : violations.getFirst().field() + ": " + violations.getFirst().message());
    this.violations = List.copyOf(violations);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
