package com.orbitcrm.customfields;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The nine types of a custom field, by the key stored in {@code crm_custom_fields.field_type}. */
public enum FieldType {
  TEXT, NUMBER, DATE, BOOLEAN, SELECT, MULTISELECT, URL, EMAIL, PHONE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean hasOptions() {
    return this == SELECT || this == MULTISELECT;
  }

  /** Whether a list can be filtered by a range ({@code cf.<name>.min/.max}) of this type. */
  public boolean ranged() {
    return this == NUMBER || this == DATE;
  }

  public static Optional<FieldType> fromKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
  }
}
