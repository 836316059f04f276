package com.orbitcrm.tenancy.mail;

import com.orbitcrm.platform.mail.Smtp;
import com.orbitcrm.tenancy.port.InvitationMail;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the tenancy module's plain-text e-mails over SMTP with the {@link JavaMailSender} Spring Boot configures
 * when {@code spring.mail.host} is set. Without one, mail is off: {@link #enabled()} is false and nothing is sent
 * (an admin still sees each invitation's link once, to pass on by hand).
 */
@Component
class SmtpInvitationMail implements InvitationMail {

  static final String DEFAULT_FROM = Smtp.DEFAULT_FROM;

  private final ObjectProvider<JavaMailSender> senders;
  private final InternetAddress from;

  /**
   * @param from the sender, as {@code orbit.mail.from} says it ({@code Name <address>} or an address).
   * @throws IllegalArgumentException when {@code from} is not an address (the application then does not start).
   */
  SmtpInvitationMail(ObjectProvider<JavaMailSender> senders,
                     @Value("${orbit.mail.from:" + DEFAULT_FROM + "}") String from) {
    this.senders = senders;
    this.from = Smtp.sender(from);
  }

  @Override
  public boolean enabled() {
    return Smtp.enabled(senders);
  }

  @Override
  public void send(Message message) {
    Smtp.send(senders, mime -> mime(mime, message));
  }

  /** Fills {@code mime} with {@code message}. */
  MimeMessage mime(MimeMessage mime, Message message) {
    try {
      mime.setFrom(from);
      mime.setRecipient(RecipientType.TO, new InternetAddress(message.to().value()));
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mime.setText(message.text(), StandardCharsets.UTF_8.name());
      return mime;
    } catch (MessagingException e) {
      throw new MailPreparationException("could not write the e-mail \"" + message.subject() + "\"", e);
    }
  }
}
