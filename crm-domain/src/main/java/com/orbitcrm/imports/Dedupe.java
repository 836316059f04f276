package com.orbitcrm.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a clients import treats a row that names a client the workspace already has: matched by e-mail, by
 * company id or by name (the user picks, or {@code NONE}), then updated, skipped or created anyway. A second
 * row for the same key in one file is refused (the first one wins).
 */
public record Dedupe(By by, OnMatch onMatch) {

  public static final Dedupe NONE = new Dedupe(By.NONE, OnMatch.CREATE);

  public enum By {
    NONE, EMAIL, COMPANY_ID, NAME;

    public String key() {
      return switch (this) {
        case NONE -> "none";
        case EMAIL -> "email";
        case COMPANY_ID -> "companyId";
        case NAME -> "name";
      };
    }

    /** The client field the key is read from. */
    public String field() {
      return switch (this) {
        case NONE -> "";
        case EMAIL -> "contactEmail";
        case COMPANY_ID -> "companyId";
        case NAME -> "name";
      };
    }

    public static Optional<By> fromKey(String key) {
      return Arrays.stream(values()).filter(b -> b.key().equalsIgnoreCase(key)).findFirst();
    }
  }

  public enum OnMatch {
    UPDATE, SKIP, CREATE;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OnMatch> fromKey(String key) {
      return Arrays.stream(values()).filter(b -> b.key().equalsIgnoreCase(key)).findFirst();
    }
  }

  /** The key two clients share when they are the same client: compared without case or outer blanks. */
  public static String key(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
