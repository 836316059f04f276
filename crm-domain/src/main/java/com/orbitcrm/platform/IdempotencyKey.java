package com.orbitcrm.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code Idempotency-Key} of a write: 1 to 255 visible ASCII characters. A retry with the same key (same
 * workspace and principal) and the same request within {@link #RETENTION} gets the first answer again and writes
 * nothing; the same key with another request is refused.
 */
public record IdempotencyKey(String value) {

  /** How long a key is remembered. */
  public static final Duration RETENTION = Duration.ofHours(24);

  public IdempotencyKey {
    if (value == null || value.isEmpty() || value.length() > 255 || !value.chars().allMatch(c -> c > 32 && c < 127)) {
      throw InvalidInputException.of("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
    }
  }

  /** The oldest creation time a key still counts at {@code now}. */
  public static Instant cutoff(Instant now) {
    return now.minus(RETENTION);
  }

  /** Whether a key made at {@code createdAt} still counts at {@code now}. */
  public static boolean live(Instant createdAt, Instant now) {
    return !createdAt.isBefore(cutoff(now));
  }

  /** What makes two requests "the same": method, path with query, and body bytes, as a SHA-256. */
  public static byte[] fingerprint(String method, String pathAndQuery, byte[] body) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(method.getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) 0);
      digest.update(pathAndQuery.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(body);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
