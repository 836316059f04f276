package com.orbitcrm.platform.web;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Field → message, for showing each rejected value next to its input. */
public final class FormErrors {
  private FormErrors() {}

  public static Map<String, String> of(InvalidInputException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldViolation v : e.violations()) {
      errors.putIfAbsent(v.field(), sentence(v.message()));
    }
    return errors;
  }

  public static Map<String, String> of(String field, String message) {
    return Map.of(field, sentence(message));
  }

  private static String sentence(String message) {
    return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
  }
}
