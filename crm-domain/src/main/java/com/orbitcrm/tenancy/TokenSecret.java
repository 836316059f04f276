package com.orbitcrm.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A new API token's secret: {@code orb_} and 32 random bytes, URL-safe. Only its SHA-256 is stored;
 * a fast hash is right here because the secret has 256 bits of entropy (unlike a password).
 */
public record TokenSecret(String secret, String hash, String prefix) {

  public static final String MARK = "orb_";
  private static final SecureRandom RANDOM = new SecureRandom();

  public static TokenSecret generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new TokenSecret(secret, hash(secret), secret.substring(0, MARK.length() + 6));
  }

  public static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "TokenSecret[prefix=" + prefix + "]";
  }
}
