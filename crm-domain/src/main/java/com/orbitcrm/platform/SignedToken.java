package com.orbitcrm.platform;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A token that carries its content and a signature over it ({@code base64url(body).base64url(mac)}, HMAC-SHA256
 * cut to 16 bytes): e-mail tracking links and meeting answer links. The content is readable by anyone and
 * trusted by no one until {@link #verifies} says the workspace's key signed it.
 */
public record SignedToken(byte[] body, byte[] mac) {

  public static final int MAX_LENGTH = 4000;
  private static final int MAC_BYTES = 16;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /** The token for {@code body} under {@code key}. */
  public static String sign(byte[] key, byte[] body) {
    return B64.encodeToString(body) + "." + B64.encodeToString(mac(key, body));
  }

  /** The token's two parts, if it has the shape of one (not yet verified). */
  public static Optional<SignedToken> read(@Nullable String token) {
    if (token == null || token.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SignedToken(B64D.decode(token.substring(0, dot)), B64D.decode(token.substring(dot + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code key} made this signature (in constant time). */
  public boolean verifies(byte[] key) {
    return MessageDigest.isEqual(mac, mac(key, body));
  }

  private static byte[] mac(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Arrays.copyOf(mac.doFinal(body), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
