package com.orbitcrm.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A normalised (trimmed, lower-case) e-mail address of a plausible shape. Deliberately not RFC 5322 in
 * full: one {@code @}, a dotted domain, no spaces, at most 255 characters.
 */
public record EmailAddress(String value) {

  private static final Pattern SHAPE =
      Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  public EmailAddress {
    value = normalise(value);
    if (problem(value).isPresent()) {
      throw new IllegalArgumentException(problem(value).get());
    }
  }

  /** Why {@code raw} is not an e-mail address, if it is not. */
  public static Optional<String> problem(String raw) {
    String v = normalise(raw);
    if (v.isEmpty()) {
      return Optional.of("is required");
    }
    if (v.length() > 255) {
      return Optional.of("must be at most 255 characters");
    }
    if (!SHAPE.matcher(v).matches()) {
      return Optional.of("is not a valid e-mail address");
    }
    return Optional.empty();
  }

  private static String normalise(String raw) {
    return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
