package com.orbitcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tenancy module's e-mails, sent by SMTP to a real server (GreenMail, in this JVM): the invitation with its
 * accept link, and the notice to an address's owner when someone signs up with it — while the sign-up answer
 * stays exactly 409 as before.
 */
@OrbitIntegrationTest
@DirtiesContext
class InvitationMailIntegrationTest {

  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    smtp.start();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    properties.add("orbit.reminders.enabled", () -> "false");
    properties.add("orbit.demo.enabled", () -> "false");
  }

  @AfterAll
  static void stopMailServer() {
    smtp.stop();
  }

  @LocalServerPort int port;

  List<MimeMessage> to(String email) {
    return List.of(smtp.getReceivedMessages()).stream().filter(m -> {
      try {
        return m.getAllRecipients() != null && List.of(m.getAllRecipients()).stream()
            .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(email));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void anInvitationIsMailedWithItsAcceptLink() throws Exception {
    var api = new Api(port);
    var owner = api.signUp("Mail Invites");
    var nina = api.signUp("Nina's");
    var invited = api.bearer(api.tokenFor(owner)).post("/api/members", """
        {"email": "%s", "role": "member"}""".formatted(nina.email()));
    assertThat(invited.status()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(20)).until(() -> !to(nina.email()).isEmpty());
    var message = to(nina.email()).getFirst();
    assertThat(message.getSubject()).isEqualTo("You're invited to Mail Invites on Orbit CRM");
    String body = GreenMailUtil.getBody(message);
    assertThat(body).contains(invited.text("acceptUrl")).contains("Olive Owner").contains("as a member");
  }

  @Test
  void signingUpWithATakenAddressTellsItsOwnerAndAnswersAsBefore() throws Exception {
    var api = new Api(port);
    var taken = api.signUp("First");
    var r = api.post("/api/signup", """
        {"workspace": "Second", "name": "Mallory", "email": "%s", "password": "another-good-password"}"""
        .formatted(taken.email().toUpperCase()));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.text("error")).contains("already exists");
    assertThat(r.body()).doesNotContain("Olive Owner");

    await().atMost(Duration.ofSeconds(20)).until(() -> !to(taken.email()).isEmpty());
    var notice = to(taken.email()).getFirst();
    assertThat(notice.getSubject()).isEqualTo("Someone tried to sign up with your e-mail address");
    assertThat(GreenMailUtil.getBody(notice)).contains("http://localhost:" + port + "/login")
        .contains("http://localhost:" + port + "/password/forgot").doesNotContain("Mallory");

    // A bad sign-up (400) mails nobody; a fresh address gets no notice either.
    String fresh = "fresh-" + UUID.randomUUID() + "@example.com";
    assertThat(api.post("/api/signup", """
        {"workspace": "Third", "name": "F", "email": "%s", "password": "a-fresh-good-password"}""".formatted(fresh))
        .status()).isEqualTo(201);
    assertThat(api.post("/api/signup", """
        {"workspace": "", "name": "F", "email": "%s", "password": "x"}""".formatted(taken.email())).status())
        .isEqualTo(400);
    Thread.sleep(500);
    assertThat(to(fresh)).isEmpty();
    assertThat(to(taken.email())).hasSize(1);
  }
}
