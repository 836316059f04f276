package com.orbitcrm.platform.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * What every module's SMTP adapter shares: the sender every e-mail goes out from, and sending over the
 * {@link JavaMailSender} Spring Boot configures when {@code spring.mail.host} is set — without one, mail is off
 * and nothing is sent.
 */
public final class Smtp {

  /** The sender when {@code orbit.mail.from} says none. */
  public static final String DEFAULT_FROM = "Orbit CRM <no-reply@orbitcrm.local>";

  private Smtp() {}

  /**
   * The sender, as {@code orbit.mail.from} says it ({@code Name <address>} or an address).
   *
   * @throws IllegalArgumentException when {@code from} is not an address (the application then does not start).
   */
  public static InternetAddress sender(String from) {
    try {
      return new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("orbit.mail.from is not an e-mail address: \"" + from + "\"", e);
    }
  }

  /** Whether a mail server is configured. */
  public static boolean enabled(ObjectProvider<JavaMailSender> senders) {
    return senders.getIfAvailable() != null;
  }

  /** Sends the message {@code fill} writes into a new one, when a mail server is configured; else nothing. */
  public static void send(ObjectProvider<JavaMailSender> senders, UnaryOperator<MimeMessage> fill) {
    JavaMailSender sender = senders.getIfAvailable();
    if (sender != null) {
      sender.send(fill.apply(sender.createMimeMessage()));
    }
  }
}
