package com.orbitcrm.tenancy.mail;

import com.orbitcrm.platform.mail.Smtp;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.port.AccountMail;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a password reset link over SMTP with the {@link JavaMailSender} Spring Boot configures when
 * {@code spring.mail.host} is set (as the meetings' mail does), from {@code orbit.mail.from}: plain text and the
 * same in simple HTML. Without a mail server, {@link #enabled()} is false and the forgot-password page says so.
 */
@Component
class SmtpAccountMail implements AccountMail {

  static final String DEFAULT_FROM = Smtp.DEFAULT_FROM;

  private final ObjectProvider<JavaMailSender> senders;
  private final InternetAddress from;

  SmtpAccountMail(ObjectProvider<JavaMailSender> senders, @Value("${orbit.mail.from:" + DEFAULT_FROM + "}") String from) {
    this.senders = senders;
    this.from = Smtp.sender(from);
  }

  @Override
  public boolean enabled() {
    return Smtp.enabled(senders);
  }

  @Override
  public void sendPasswordReset(EmailAddress to, String name, String link, Duration lifetime) {
    Smtp.send(senders, mime -> resetMessage(mime, to, name, link, lifetime));
  }

  /** Fills {@code mime} with the reset message. */
  MimeMessage resetMessage(MimeMessage mime, EmailAddress to, String name, String link, Duration lifetime) {
    String valid = human(lifetime);
    String text = """
        Hello %s,

        Someone (we hope you) asked to set a new password for your Orbit CRM account.
        Open this link to choose one — it works once, for %s:

        %s

        Every session signed in with your old password ends when you set the new one.
        If you did not ask for this, ignore this e-mail: your password stays as it is.
        """.formatted(name, valid, link);
    String html = """
        <!DOCTYPE html>
        <html><body style="font-family: system-ui, sans-serif; color: #1d2333; line-height: 1.5">
        <p>Hello %s,</p>
        <p>Someone (we hope you) asked to set a new password for your Orbit CRM account.
        The link works once, for %s.</p>
        <p><a href="%s" style="display: inline-block; padding: .6em 1.2em; background: #4f46e5; color: #fff;
        border-radius: 6px; text-decoration: none">Set a new password</a></p>
        <p style="color: #525b73; font-size: 90%%">Or paste this address into your browser: %s</p>
        <p style="color: #525b73; font-size: 90%%">Every session signed in with your old password ends when you set
        the new one. If you did not ask for this, ignore this e-mail: your password stays as it is.</p>
        </body></html>
        """.formatted(escape(name), valid, escape(link), escape(link));
    try {
      mime.setFrom(from);
      mime.setRecipient(RecipientType.TO, new InternetAddress(to.value(), name, StandardCharsets.UTF_8.name()));
      mime.setSubject("Set a new password for Orbit CRM", StandardCharsets.UTF_8.name());
      var plain = new MimeBodyPart();
      plain.setText(text, StandardCharsets.UTF_8.name());
      var rich = new MimeBodyPart();
      rich.setText(html, StandardCharsets.UTF_8.name(), "html");
      mime.setContent(new MimeMultipart("alternative", plain, rich));
      return mime;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailPreparationException("could not write the password reset e-mail", e);
    }
  }

  /** Text as HTML (the mail adapter stays off Spring's web packages). */
  static String escape(String text) {
    var out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String human(Duration d) {
    long minutes = Math.max(1, d.toMinutes());
    if (minutes % 60 == 0) {
      long hours = minutes / 60;
      return hours == 1 ? "an hour" : hours + " hours";
    }
    return minutes == 1 ? "a minute" : minutes + " minutes";
  }
}
