package com.orbitcrm.customfields;

import java.util.Objects;
import java.util.Set;

/**
 * A choice of a select or multiselect field: the stored {@code value}, the {@code label} people see and
 * the colour of its chip.
 */
public record FieldOption(String value, String label, String color) {

  /** The chip colours (the CSS has a class per colour). */
  public static final Set<String> COLORS = Set.of("gray", "red", "orange", "yellow", "green", "blue", "purple");
  public static final int MAX_LENGTH = 100;

  public FieldOption {
    Objects.requireNonNull(value);
    Objects.requireNonNull(label);
    Objects.requireNonNull(color);
    if (value.isBlank() || value.length() > MAX_LENGTH || !value.equals(value.strip()) || FieldRules.hasControl(value)
        || value.contains(FieldValue.CSV_SEPARATOR)) {
      throw new IllegalArgumentException("bad option value: " + value);
    }
    if (label.isBlank() || label.length() > MAX_LENGTH || FieldRules.hasControl(label)) {
      throw new IllegalArgumentException("bad option label: " + label);
    }
    if (!COLORS.contains(color)) {
      throw new IllegalArgumentException("bad option colour: " + color);
    }
  }
}
