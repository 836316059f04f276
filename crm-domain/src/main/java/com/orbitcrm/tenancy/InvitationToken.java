package com.orbitcrm.tenancy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret in an invitation link: {@code inv_} and 32 random bytes, URL-safe. Only its SHA-256 is stored
 * ({@link TokenSecret#hash}); a fast hash is right because the secret has 256 bits of entropy.
 */
public record InvitationToken(String secret, String hash) {

  public static final String MARK = "inv_";
  private static final Pattern SHAPE = Pattern.compile("inv_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public static InvitationToken generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new InvitationToken(secret, TokenSecret.hash(secret));
  }

  /** Whether {@code text} could be a token at all; anything else is answered as "no such invitation". */
  public static boolean wellFormed(String text) {
    return text != null && SHAPE.matcher(text).matches();
  }

  @Override
  public String toString() {
    return "InvitationToken[…]";
  }
}
