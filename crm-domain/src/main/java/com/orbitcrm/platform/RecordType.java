package com.orbitcrm.platform;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of record that other modules may point at ({@code client}, {@code deal}, later {@code meeting}):
 * a lower-case key, as stored in {@code entity_type} columns. The set of types is not closed here: each
 * module that owns records declares its type and answers for it through a {@link RecordDirectory}.
 */
public record RecordType(String key) {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z_]{0,49}");

  public RecordType {
    Objects.requireNonNull(key, "record type must not be null");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a record type key: " + key);
    }
  }

  /** Whether {@code raw} has the shape of a type key (known or not). */
  public static boolean isKey(String raw) {
    return raw != null && KEY.matcher(raw).matches();
  }

  @Override
  public String toString() {
    return key;
  }
}
