package com.orbitcrm.meetings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a meeting happens: the original spec's {@code virtual}, {@code in_person} and {@code phone}. */
public enum LocationType {
  VIRTUAL("Video call"),
  IN_PERSON("In person"),
  PHONE("Phone");

  private final String label;

  LocationType(String label) {
    this.label = label;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static Optional<LocationType> of(String key) {
    return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
  }

  static String keys() {
    return Arrays.stream(values()).map(LocationType::key).collect(Collectors.joining(", "));
  }
}
