package com.orbitcrm.meetings.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.orbitcrm.meetings.port.MeetingMail.Message;
import com.orbitcrm.meetings.port.MeetingMail.Recipient;
import com.orbitcrm.platform.EmailAddress;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * {@link SmtpMeetingMail} against a real SMTP server (GreenMail, inside the test JVM on a free port): what is
 * asserted is the message the server received, parsed back from its bytes.
 */
@ExtendWith(OutputCaptureExtension.class)
class SmtpMeetingMailIntegrationTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final String CALENDAR = String.join("\r\n", "BEGIN:VCALENDAR", "PRODID:-//Orbit CRM//Meetings//EN",
      "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT", "UID:1b9f7a5e-7c1e-4a43-9d59-2f3b4b5d6e7f@orbitcrm",
      "SUMMARY:Überprüfung – Q3", "END:VEVENT", "END:VCALENDAR", "");

  static ObjectProvider<JavaMailSender> senders(JavaMailSender... senders) {
    var factory = new StaticListableBeanFactory();
    for (int i = 0; i < senders.length; i++) {
      factory.addBean("mailSender" + i, senders[i]);
    }
    return factory.getBeanProvider(JavaMailSender.class);
  }

  static JavaMailSender toGreenMail() {
    var sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
    sender.setDefaultEncoding("UTF-8");
    return sender;
  }

  static Recipient ann = new Recipient(new EmailAddress("ann@client.example"), "Ann Müller");
  static Recipient bob = new Recipient(new EmailAddress("bob@client.example"), null);
  static Recipient olga = new Recipient(new EmailAddress("olga@orbit.example"), "Olga Organizer");

  /** What the server received for Ann and Bob: one copy for each (it delivers per envelope recipient). */
  static List<MimeMessage> receivedByAnnAndBob() {
    assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
    List<MimeMessage> received = List.of(smtp.getReceivedMessages());
    assertThat(received).hasSize(2);
    return received;
  }

  static String text(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Each address as "Name <address>" (decoded), or the bare address when it has no name. */
  static List<String> addresses(Address[] addresses) {
    return Arrays.stream(addresses).map(InternetAddress.class::cast)
        .map(a -> a.getPersonal() == null ? a.getAddress() : a.getPersonal() + " <" + a.getAddress() + ">").toList();
  }

  @Test
  void anInvitationArrivesAsCalendarClientsExpectIt() throws Exception {
    var mail = new SmtpMeetingMail(senders(toGreenMail()), "Acme Sales <sales@acme.example>");
    assertThat(mail.enabled()).isTrue();

    mail.send(new Message(List.of(ann, bob), olga, "Einladung: Überprüfung – Q3", "You are invited.\nSee you!",
        CALENDAR, "REQUEST"));

    for (MimeMessage received : receivedByAnnAndBob()) {
      assertThat(received.getSubject()).isEqualTo("Einladung: Überprüfung – Q3");
      assertThat(addresses(received.getFrom())).containsExactly("Acme Sales <sales@acme.example>");
      assertThat(addresses(received.getRecipients(RecipientType.TO)))
          .containsExactly("Ann Müller <ann@client.example>", "bob@client.example");
      assertThat(addresses(received.getReplyTo())).containsExactly("Olga Organizer <olga@orbit.example>");

      assertThat(new ContentType(received.getContentType()).getBaseType()).isEqualTo("multipart/mixed");
      Multipart mixed = (Multipart) received.getContent();
      assertThat(mixed.getCount()).isEqualTo(2);

      BodyPart body = mixed.getBodyPart(0);
      assertThat(new ContentType(body.getContentType()).getBaseType()).isEqualTo("multipart/alternative");
      Multipart alternative = (Multipart) body.getContent();
      assertThat(alternative.getCount()).isEqualTo(2);
      BodyPart plain = alternative.getBodyPart(0);
      assertThat(new ContentType(plain.getContentType()).getBaseType()).isEqualTo("text/plain");
      // Text travels with the line breaks of mail (CRLF).
      assertThat(text(plain)).isEqualTo("You are invited.\r\nSee you!");

      BodyPart invitation = alternative.getBodyPart(1);
      var calendarType = new ContentType(invitation.getContentType());
      assertThat(calendarType.getBaseType()).isEqualTo("text/calendar");
      assertThat(calendarType.getParameter("method")).isEqualTo("REQUEST");
      assertThat(calendarType.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
      assertThat(text(invitation)).isEqualTo(CALENDAR);
      assertThat(invitation.getDisposition()).isNull();

      BodyPart attachment = mixed.getBodyPart(1);
      assertThat(new ContentType(attachment.getContentType()).getBaseType()).isEqualTo("application/ics");
      assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
      assertThat(attachment.getFileName()).isEqualTo("invite.ics");
      assertThat(text(attachment)).isEqualTo(CALENDAR);
    }
  }

  @Test
  void aCancellationSaysItsMethod() throws Exception {
    var mail = new SmtpMeetingMail(senders(toGreenMail()), SmtpMeetingMail.DEFAULT_FROM);

    mail.send(new Message(List.of(ann, bob), null, "Cancelled: Q3 review", "Cancelled.",
        CALENDAR.replace("METHOD:REQUEST", "METHOD:CANCEL"), "CANCEL"));

    MimeMessage received = receivedByAnnAndBob().getFirst();
    assertThat(addresses(received.getFrom())).containsExactly("Orbit CRM <no-reply@orbitcrm.local>");
    // No Reply-To header: replies go to the sender.
    assertThat(received.getHeader("Reply-To")).isNull();
    BodyPart invitation = ((Multipart) ((Multipart) received.getContent()).getBodyPart(0).getContent()).getBodyPart(1);
    assertThat(new ContentType(invitation.getContentType()).getParameter("method")).isEqualTo("CANCEL");
    assertThat(text(invitation)).contains("METHOD:CANCEL");
  }

  @Test
  void aMessageWithoutACalendarIsPlainText() throws Exception {
    var mail = new SmtpMeetingMail(senders(toGreenMail()), SmtpMeetingMail.DEFAULT_FROM);

    mail.send(new Message(List.of(ann, bob), null, "Reminder: Q3 review in 15 minutes", "Starts at 10:00.", null,
        null));

    MimeMessage received = receivedByAnnAndBob().getLast();
    assertThat(received.getSubject()).isEqualTo("Reminder: Q3 review in 15 minutes");
    assertThat(new ContentType(received.getContentType()).getBaseType()).isEqualTo("text/plain");
    assertThat(text(received)).isEqualTo("Starts at 10:00.");
  }

  @Test
  void aCalendarWithoutItsMethodIsRefusedBeforeAnythingIsSent() {
    var mail = new SmtpMeetingMail(senders(toGreenMail()), SmtpMeetingMail.DEFAULT_FROM);

    assertThatThrownBy(() -> mail.send(new Message(List.of(ann), null, "Invitation", "Hi", CALENDAR, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("method");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void withoutAMailServerNothingIsSentAndTheLogSaysHowToConfigureOne(CapturedOutput output) {
    var mail = new SmtpMeetingMail(senders(), SmtpMeetingMail.DEFAULT_FROM);

    assertThat(mail.enabled()).isFalse();
    mail.send(new Message(List.of(ann), null, "Invitation", "Hi", CALENDAR, "REQUEST"));
    mail.announce();

    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(output.getOut().lines().filter(l -> l.contains("SMTP is not configured"))).singleElement()
        .satisfies(line -> assertThat(line).contains("INFO", "notifications", "SPRING_MAIL_HOST", "SPRING_MAIL_PORT",
            "SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD", "ORBIT_MAIL_FROM"));
  }

  @Test
  void withAMailServerTheStartIsQuiet(CapturedOutput output) {
    new SmtpMeetingMail(senders(toGreenMail()), SmtpMeetingMail.DEFAULT_FROM).announce();

    assertThat(output.getOut()).doesNotContain("SMTP is not configured");
  }

  @Test
  void aSenderThatIsNotAnAddressStopsTheStart() {
    assertThatThrownBy(() -> new SmtpMeetingMail(senders(), "Orbit CRM <not an address>"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orbit.mail.from");
  }
}
