package com.orbitcrm.meetings.mail;

import com.orbitcrm.platform.mail.Smtp;
import com.orbitcrm.meetings.port.MeetingMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends meeting e-mails over SMTP with the {@link JavaMailSender} Spring Boot configures when
 * {@code spring.mail.host} is set. Without one, mail is off: {@link #enabled()} is false, nothing is sent, and
 * the start-up log says so once (reminders then only show in the app's notifications).
 *
 * <p>A message with a calendar has the shape Gmail, Outlook and Apple Mail turn into an event with answer
 * buttons:
 *
 * <pre>
 * multipart/mixed
 *   multipart/alternative
 *     text/plain; charset=UTF-8
 *     text/calendar; method=REQUEST; charset=UTF-8     (the part calendar clients read)
 *   application/ics; name="invite.ics"                 (attachment, for clients that only offer files)
 * </pre>
 */
@Component
class SmtpMeetingMail implements MeetingMail {

  private static final Logger log = LoggerFactory.getLogger(SmtpMeetingMail.class);

  static final String DEFAULT_FROM = Smtp.DEFAULT_FROM;
  static final String ATTACHMENT_NAME = "invite.ics";
  private static final Set<String> CALENDAR_METHODS = Set.of("REQUEST", "CANCEL", "PUBLISH");

  private final ObjectProvider<JavaMailSender> senders;
  private final InternetAddress from;

  /**
   * @param from the sender, as {@code orbit.mail.from} says it ({@code Name <address>} or an address).
   * @throws IllegalArgumentException when {@code from} is not an address (the application then does not start).
   */
  SmtpMeetingMail(ObjectProvider<JavaMailSender> senders, @Value("${orbit.mail.from:" + DEFAULT_FROM + "}") String from) {
    this.senders = senders;
    this.from = Smtp.sender(from);
  }

  @Override
  public boolean enabled() {
    return Smtp.enabled(senders);
  }

  /** Says once, when the application has started, that no mail goes out and how to change that. */
  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    if (!enabled()) {
      log.info("SMTP is not configured: no meeting e-mails are sent; reminders show in the app's notifications. "
          + "To send mail, set SPRING_MAIL_HOST and SPRING_MAIL_PORT (and SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD "
          + "if the server wants them) and ORBIT_MAIL_FROM (default: {}).", DEFAULT_FROM);
    }
  }

  @Override
  public void send(Message message) {
    Smtp.send(senders, mime -> mime(mime, message));
  }

  /** Fills {@code mime} with {@code message}. */
  MimeMessage mime(MimeMessage mime, Message message) {
    try {
      mime.setFrom(from);
      mime.setRecipients(RecipientType.TO, message.to().stream().map(SmtpMeetingMail::address).toArray(Address[]::new));
      if (message.replyTo() != null) {
        mime.setReplyTo(new Address[] {address(message.replyTo())});
      }
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      String calendar = message.calendar();
      if (calendar == null) {
        mime.setText(message.text(), StandardCharsets.UTF_8.name());
      } else {
        mime.setContent(withCalendar(message.text(), calendar, method(message.calendarMethod())));
      }
      return mime;
    } catch (MessagingException e) {
      throw new MailPreparationException("could not write the e-mail \"" + message.subject() + "\"", e);
    }
  }

  private static MimeMultipart withCalendar(String text, String calendar, String method) throws MessagingException {
    var plain = new MimeBodyPart();
    plain.setText(text, StandardCharsets.UTF_8.name());

    byte[] ics = calendar.getBytes(StandardCharsets.UTF_8);
    var invitation = new MimeBodyPart();
    invitation.setDataHandler(new DataHandler(
        new ByteArrayDataSource(ics, "text/calendar; method=" + method + "; charset=UTF-8")));

    var alternative = new MimeMultipart("alternative", plain, invitation);
    var body = new MimeBodyPart();
    body.setContent(alternative);

    var attachment = new MimeBodyPart();
    attachment.setDataHandler(new DataHandler(
        new ByteArrayDataSource(ics, "application/ics; name=\"" + ATTACHMENT_NAME + "\"")));
    attachment.setFileName(ATTACHMENT_NAME);
    attachment.setDisposition(Part.ATTACHMENT);

    return new MimeMultipart("mixed", body, attachment);
  }

  private static String method(@Nullable String method) {
    if (method == null || !CALENDAR_METHODS.contains(method)) {
      throw new IllegalArgumentException("a calendar needs its method (REQUEST, CANCEL or PUBLISH), was " + method);
    }
    return method;
  }

  private static InternetAddress address(Recipient recipient) {
    try {
      return new InternetAddress(recipient.email().value(), recipient.name(), StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }
}
