package com.orbitcrm.integrations;

import com.orbitcrm.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An endpoint's signing secret and the Standard Webhooks signature rule: the secret is {@code whsec_} and the
 * Base64 of 24 random bytes; a delivery is signed with {@code v1,} and the Base64 of the HMAC-SHA256, keyed with the
 * secret's bytes, of {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
public record WebhookSecret(String value) {

  public static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  public WebhookSecret {
    if (value == null || !value.startsWith(PREFIX)) {
      throw InvalidInputException.of("secret", "must start with " + PREFIX);
    }
    try {
      if (Base64.getDecoder().decode(value.substring(PREFIX.length())).length < 16) {
        throw InvalidInputException.of("secret", "must hold at least 16 bytes");
      }
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("secret", "must be " + PREFIX + " and Base64");
    }
  }

  public static WebhookSecret generate() {
    byte[] key = new byte[24];
    RANDOM.nextBytes(key);
    return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
  }

  /** The {@code webhook-signature} header value of a message. */
  public String sign(String messageId, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(value.substring(PREFIX.length())), "HmacSHA256"));
      byte[] signature = mac.doFinal((messageId + "." + timestampSeconds + "." + body)
          .getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signature);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first characters, to recognise a secret on a page without showing it. */
  public String hint() {
    return value.substring(0, PREFIX.length() + 4) + "…";
  }

  @Override
  public String toString() {
    return hint();
  }
}
