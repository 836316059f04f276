package com.orbitcrm.tenancy;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: 10 to 128 characters, not one repeated character, and not the e-mail
 * address or the workspace name. Length beats composition rules (NIST SP 800-63B).
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /** Why {@code password} is too weak, if it is. */
  public static Optional<String> problem(String password, String... personalWords) {
    if (password == null || password.isEmpty()) {
      return Optional.of("is required");
    }
    if (password.length() < MIN_LENGTH) {
      return Optional.of("must be at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    if (password.chars().distinct().count() < 4) {
      return Optional.of("is too easy to guess: use more different characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    for (String word : personalWords) {
      if (word != null && !word.isBlank() && lower.contains(word.toLowerCase(Locale.ROOT).strip())) {
        return Optional.of("must not contain your e-mail address or workspace name");
      }
    }
    return Optional.empty();
  }
}
