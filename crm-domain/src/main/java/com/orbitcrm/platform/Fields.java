package com.orbitcrm.platform;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The checks every typed record shares: each adds what is wrong with its field to {@code violations}
 * (so a form or body learns all its problems at once) and answers the clean value, or {@literal null}.
 */
public final class Fields {

  private Fields() {}

  /** Trimmed text; blank is {@literal null}; longer than {@code max} is a violation. */
  public static @Nullable String text(List<FieldViolation> violations, String field, @Nullable String raw, int max) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String v = raw.strip();
    if (v.length() > max) {
      violations.add(new FieldViolation(field, "must be at most " + max + " characters"));
      return null;
    }
    return v;
  }

  /**
   * An amount of money: 0 or more, at most 2 decimals, at most {@code max}; thousands commas allowed.
   *
   * @param example shown when it is not a number, e.g. "1250.00".
   * @return the amount with scale 2, or {@literal null} when blank or wrong.
   */
  public static @Nullable BigDecimal amount(List<FieldViolation> violations, String field, @Nullable String raw,
                                            BigDecimal max, String example) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      BigDecimal v = new BigDecimal(raw.strip().replace(",", ""));
      if (v.signum() < 0) {
        violations.add(new FieldViolation(field, "must be 0 or more"));
      } else if (v.stripTrailingZeros().scale() > 2) {
        violations.add(new FieldViolation(field, "must have at most 2 decimals"));
      } else if (v.compareTo(max) > 0) {
        violations.add(new FieldViolation(field, "is too large"));
      } else {
        return v.setScale(2, RoundingMode.UNNECESSARY);
      }
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation(field, "must be an amount such as " + example));
    }
    return null;
  }

  /** An id as typed; blank is {@literal null}; not a UUID is {@code message}. */
  public static @Nullable UUID uuid(List<FieldViolation> violations, String field, @Nullable String raw,
                                    String message) {
    String v = text(violations, field, raw, 255);
    if (v == null) {
      return null;
    }
    try {
      return UUID.fromString(v);
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation(field, message));
      return null;
    }
  }

  /** An http or https URL with a host: the only links Orbit stores and shows as links. */
  public static boolean isWebUrl(String raw) {
    try {
      URI uri = new URI(raw);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
