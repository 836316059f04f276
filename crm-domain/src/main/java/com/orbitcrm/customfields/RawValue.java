package com.orbitcrm.customfields;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A custom-field value as it came in, before its type is known to fit: the JSON shapes of the API (a
 * string, a number, a boolean, an array of strings, null) or a form's text. {@link FieldRules} turns it
 * into a {@link FieldValue} or refuses it.
 */
public sealed interface RawValue {

  /**
   * Text typed into a form: read leniently by the field's type ("12.50" for a number, "on" for a
   * checkbox), unlike a JSON string, which fits only the types whose JSON is a string.
   */
  record Input(String text) implements RawValue {
    public Input {
      Objects.requireNonNull(text);
    }
  }

  /** null, or a blank form input: no value. */
  record Empty() implements RawValue {}

  record Text(String text) implements RawValue {
    public Text {
      Objects.requireNonNull(text);
    }
  }

  record Number(BigDecimal number) implements RawValue {
    public Number {
      Objects.requireNonNull(number);
    }
  }

  record Bool(boolean value) implements RawValue {}

  /** An array (multiselect); {@code items} holds strings, or {@literal null} for a non-string element. */
  record Items(List<String> items) implements RawValue {
    public Items {
      items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }
  }

  /** Any other JSON shape (an object, an array of non-strings): always refused. */
  record Other(String shape) implements RawValue {}

  RawValue EMPTY = new Empty();

  /** A form's text: blank is no value. */
  static RawValue input(String text) {
    return text == null || text.isBlank() ? EMPTY : new Input(text);
  }
}
