package com.orbitcrm.tenancy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.platform.EmailAddress;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

class SmtpAccountMailUnitTest {

  @Test
  void theResetMessageCarriesTheLinkInTextAndEscapedHtml() throws Exception {
    var mail = new SmtpAccountMail(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
        "Orbit CRM <no-reply@orbit.test>");
    assertThat(mail.enabled()).as("no mail server configured").isFalse();
    String link = "https://crm.example.com/password/reset/abc_DEF-123";
    MimeMessage message = mail.resetMessage(new MimeMessage(Session.getInstance(new Properties())),
        new EmailAddress("ada@example.com"), "Ada <script>", link, Duration.ofHours(1));
    message.saveChanges();

    assertThat(message.getSubject()).isEqualTo("Set a new password for Orbit CRM");
    assertThat(message.getAllRecipients()[0].toString()).contains("ada@example.com");
    var parts = (Multipart) message.getContent();
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat(text).contains(link).contains("works once, for an hour").contains("Hello Ada <script>,");
    assertThat(html).contains("href=\"" + link + "\"").contains("Ada &lt;script&gt;").doesNotContain("<script>");
  }

  @Test
  void lifetimesAreSaidAsPeopleSayThem() {
    assertThat(SmtpAccountMail.human(Duration.ofHours(1))).isEqualTo("an hour");
    assertThat(SmtpAccountMail.human(Duration.ofHours(2))).isEqualTo("2 hours");
    assertThat(SmtpAccountMail.human(Duration.ofMinutes(30))).isEqualTo("30 minutes");
    assertThat(SmtpAccountMail.human(Duration.ofSeconds(5))).isEqualTo("a minute");
  }
}
