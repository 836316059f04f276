package com.orbitcrm.tenancy;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of a password reset link: 32 random bytes, URL-safe. Like an API token's, only its SHA-256 is
 * stored ({@link TokenSecret#hash}), so the table of links is of no use to whoever reads it.
 */
public record ResetSecret(String secret, String hash) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public static ResetSecret generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new ResetSecret(secret, TokenSecret.hash(secret));
  }

  /** Whether {@code text} could be a secret at all (43 URL-safe characters): anything else is not looked up. */
  public static boolean plausible(String text) {
    return text != null && text.length() == 43 && text.chars().allMatch(c -> Character.isLetterOrDigit(c)
        && c < 128 || c == '-' || c == '_');
  }

  @Override
  public String toString() {
    return "ResetSecret[…]";
  }
}
