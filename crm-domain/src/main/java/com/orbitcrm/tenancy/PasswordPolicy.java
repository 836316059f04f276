package com.orbitcrm.tenancy;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: 10 to 128 characters, not one repeated character, not the e-mail address or
 * the workspace name, and not one attackers try first — a common password ({@link CommonPasswords}), or a
 * common one with digits and symbols around it ("password12", "Summer2026!"). Length and a breached-list
 * check beat composition rules (NIST SP 800-63B).
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
    if (CommonPasswords.contains(lower)) {
      return Optional.of("is one of the most common passwords: choose one nobody else would");
    }
    String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    if (core.length() >= 3 && CommonPasswords.contains(core)) {
      return Optional.of("is a common password with digits or symbols added: choose one nobody else would");
    }
    for (String word : personalWords) {
      if (word != null && !word.isBlank() && lower.contains(word.toLowerCase(Locale.ROOT).strip())) {
        return Optional.of("must not contain your e-mail address or workspace name");
      }
    }
    return Optional.empty();
  }
}
