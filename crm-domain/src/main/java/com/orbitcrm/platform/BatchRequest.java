package com.orbitcrm.platform;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a batch write shared by every record module: how many inputs one call takes, create or upsert,
 * and the field an upsert matches existing records on.
 *
 * @param mode {@link Mode#CREATE} or {@link Mode#UPSERT}.
 * @param idProperty the API field an upsert matches on, within the workspace; {@literal null} for a create.
 * @param atomic whether one refused item refuses the whole batch.
 */
public record BatchRequest(Mode mode, @Nullable String idProperty, boolean atomic) {

  /** The most inputs one call takes. */
  public static final int MAX_INPUTS = 1_000;

  public enum Mode { CREATE, UPSERT }

  /**
   * The batch's settings as sent, checked together.
   *
   * @param allowedIdProperties the fields this record type can be matched on.
   * @throws InvalidInputException naming {@code mode} or {@code idProperty}.
   */
  public static BatchRequest of(@Nullable String mode, @Nullable String idProperty, boolean atomic,
                                List<String> allowedIdProperties) {
    Mode m;
    if (mode == null || mode.isBlank() || mode.strip().equalsIgnoreCase("create")) {
      m = Mode.CREATE;
    } else if (mode.strip().equalsIgnoreCase("upsert")) {
      m = Mode.UPSERT;
    } else {
      throw InvalidInputException.of("mode", "must be create or upsert");
    }
    String id = idProperty == null || idProperty.isBlank() ? null : idProperty.strip();
    if (m == Mode.UPSERT && id == null) {
      throw InvalidInputException.of("idProperty", "is required for an upsert: one of "
          + String.join(", ", allowedIdProperties));
    }
    if (id != null && !allowedIdProperties.contains(id)) {
      throw InvalidInputException.of("idProperty", "must be one of " + String.join(", ", allowedIdProperties));
    }
    return new BatchRequest(m, m == Mode.UPSERT ? id : null, atomic);
  }

  /** Checks the number of inputs: 1 to {@link #MAX_INPUTS}. */
  public static void requireSize(int inputs) {
    if (inputs < 1 || inputs > MAX_INPUTS) {
      throw InvalidInputException.of("inputs", "must hold 1 to " + MAX_INPUTS + " records, was " + inputs);
    }
  }

  /** A match key as compared: without outer blanks and case; {@literal null} for a missing or blank one. */
  public static @Nullable String matchKey(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
  }
}
