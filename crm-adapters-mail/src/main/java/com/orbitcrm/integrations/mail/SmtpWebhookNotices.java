package com.orbitcrm.integrations.mail;

import com.orbitcrm.integrations.WebhookEndpoint;
import com.orbitcrm.integrations.port.WebhookNotices;
import com.orbitcrm.platform.NamedAddress;
import com.orbitcrm.platform.mail.Smtp;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.log.LogAccessor;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells a workspace's owners and admins by e-mail that a webhook endpoint was switched off and why (plain text).
 * Without a mail server the notice is only logged; the Settings → Integrations page shows the reason either way.
 */
@Component
class SmtpWebhookNotices implements WebhookNotices {

  private static final LogAccessor log = new LogAccessor(SmtpWebhookNotices.class);

  private final ObjectProvider<JavaMailSender> senders;
  private final InternetAddress from;

  SmtpWebhookNotices(ObjectProvider<JavaMailSender> senders,
                     @Value("${orbit.mail.from:" + Smtp.DEFAULT_FROM + "}") String from) {
    this.senders = senders;
    this.from = Smtp.sender(from);
  }

  @Override
  public void endpointDisabled(WebhookEndpoint endpoint, String workspace, List<NamedAddress> admins) {
    if (!Smtp.enabled(senders)) {
      log.info(() -> "No mail server: the admins of " + workspace + " were not mailed that webhook endpoint "
          + endpoint.url() + " was switched off");
      return;
    }
    String text = """
        Hello,

        Orbit CRM switched off the webhook endpoint %s of %s:

        %s

        Open Settings → Integrations to see its deliveries, fix the receiver and switch the endpoint on again.
        Events that happen while it is off are not sent to it.
        """.formatted(endpoint.url(), workspace, endpoint.disabledReason());
    for (NamedAddress admin : admins) {
      if (admin.email() == null) {
        continue;
      }
      Smtp.send(senders, mime -> {
        try {
          mime.setFrom(from);
          mime.setRecipient(RecipientType.TO, new InternetAddress(admin.email(),
              admin.name() == null ? "" : admin.name(), StandardCharsets.UTF_8.name()));
          mime.setSubject("Webhook endpoint switched off in " + workspace, StandardCharsets.UTF_8.name());
          mime.setText(text, StandardCharsets.UTF_8.name());
          return mime;
        } catch (MessagingException | UnsupportedEncodingException e) {
          throw new MailPreparationException("could not write the webhook notice", e);
        }
      });
    }
  }
}
