package com.orbitcrm.tenancy.port;

import com.orbitcrm.platform.EmailAddress;
import java.time.Duration;

/**
 * Secondary port: e-mail about a person's account (a password reset link). When no mail server is configured,
 * {@link #enabled()} is false and nothing is sent.
 */
public interface AccountMail {

  boolean enabled();

  /**
   * Sends the link that sets a new password.
   *
   * @param link the absolute URL of the reset page (with the secret)
   * @param lifetime how long the link works
   */
  void sendPasswordReset(EmailAddress to, String name, String link, Duration lifetime);
}
