package com.orbitcrm.tenancy.port;

import com.orbitcrm.platform.EmailAddress;
import java.util.Objects;

/**
 * Secondary port: sends the e-mails of the tenancy module (invitations, the notice that someone tried to sign
 * up with an address that has an account). When no mail server is configured, {@link #enabled()} is false
 * and nothing is sent.
 */
public interface InvitationMail {

  boolean enabled();

  /** Sends one plain-text message; throws when the server refuses it. */
  void send(Message message);

  record Message(EmailAddress to, String subject, String text) {
    public Message {
      Objects.requireNonNull(to);
      Objects.requireNonNull(subject);
      Objects.requireNonNull(text);
    }
  }
}
