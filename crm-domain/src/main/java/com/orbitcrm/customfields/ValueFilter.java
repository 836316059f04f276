package com.orbitcrm.customfields;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A list filter on one custom field, in stored keys: records with a value whose key is between
 * {@code from} and {@code to} (inclusive; either open), and equal to {@code exact} when given (text keys are
 * cut at {@link FieldValue#KEY_LENGTH}). Built by {@link #equalTo} and {@link #between} from checked values.
 */
public record ValueFilter(FieldId field, @Nullable String from, @Nullable String to, @Nullable String exact) {

  public ValueFilter {
    Objects.requireNonNull(field);
    if (from == null && to == null) {
      throw new IllegalArgumentException("a filter needs a bound");
    }
  }

  public static ValueFilter equalTo(FieldId field, FieldValue value) {
    String key = value.keys().getFirst();
    boolean cut = !key.equals(value.items().getFirst()) && value.type() != FieldType.NUMBER;
    return new ValueFilter(field, key, key, cut ? value.items().getFirst() : null);
  }

  public static ValueFilter between(FieldId field, @Nullable FieldValue min, @Nullable FieldValue max) {
    return new ValueFilter(field, min == null ? null : min.keys().getFirst(), max == null ? null : max.keys().getFirst(),
        null);
  }
}
