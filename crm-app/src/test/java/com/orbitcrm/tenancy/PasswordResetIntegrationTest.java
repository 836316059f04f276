package com.orbitcrm.tenancy;

import static com.orbitcrm.FormClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.orbitcrm.Api;
import com.orbitcrm.FormClient;
import com.orbitcrm.OrbitIntegrationTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Forgot password, with a real SMTP server in this JVM (GreenMail): the link arrives, works once, not after it
 * expires; the old password stops working, the account's throttle and lock are cleared, and every session signed in
 * with the old password ends (all of them after a reset; all but the changing one after a change on the profile).
 */
@OrbitIntegrationTest
class PasswordResetIntegrationTest {

  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  static final Pattern LINK = Pattern.compile("http://localhost:\\d+/password/reset/([A-Za-z0-9_-]{43})");

  static {
    smtp.start();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    properties.add("orbit.demo.enabled", () -> "false");
  }

  @AfterAll
  static void stopMailServer() {
    smtp.stop();
  }

  final JdbcTemplate owner = new JdbcTemplate(TestPostgres.database().ownerDataSource());
  @LocalServerPort int port;
  Api api;
  Api.Account ada;

  @BeforeEach
  void account() {
    forgetAllCounts();
    api = new Api(port);
    ada = api.signUp("Resets " + UUID.randomUUID().toString().substring(0, 6));
  }

  @AfterEach
  void forgetAllCounts() {
    owner.update("delete from sign_in_buckets");
    owner.update("delete from sign_in_locks");
  }

  /** The messages GreenMail holds for {@code to}, once there are {@code count} of them. */
  static List<MimeMessage> mailTo(String to, int count) {
    var found = new java.util.ArrayList<MimeMessage>();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      found.clear();
      Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
        try {
          return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(to));
        } catch (Exception e) {
          return false;
        }
      }).forEach(found::add);
      assertThat(found).hasSize(count);
    });
    return found;
  }

  /** The secret of the reset link in the newest message to {@code to}. */
  static String linkIn(MimeMessage message) throws Exception {
    assertThat(message.getSubject()).isEqualTo("Set a new password for Orbit CRM");
    assertThat(message.getContent()).isInstanceOf(Multipart.class);
    Multipart alternative = (Multipart) message.getContent();
    BodyPart text = alternative.getBodyPart(0);
    BodyPart html = alternative.getBodyPart(1);
    assertThat(text.isMimeType("text/plain")).isTrue();
    assertThat(html.isMimeType("text/html")).isTrue();
    String plain = GreenMailUtil.getBody(text).replace("=\r\n", "");
    var m = LINK.matcher(plain);
    assertThat(m.find()).as(plain).isTrue();
    assertThat(GreenMailUtil.getBody(html).replace("=\r\n", "").replace("=3D", "=")).contains(m.group(1));
    return m.group(1);
  }

  @Test
  void theApiSendsALinkThatWorksOnceEndsEverySessionAndRetiresTheOldPassword() throws Exception {
    var browser = new FormClient(port);
    assertThat(browser.signIn(ada.email(), ada.password()).location()).endsWith("/dashboard");
    var phone = new FormClient(port);
    assertThat(phone.signIn(ada.email(), ada.password()).location()).endsWith("/dashboard");
    assertThat(browser.get("/settings/profile").status()).isEqualTo(200);

    assertThat(api.post("/api/password-reset", "{\"email\": \"%s\"}".formatted(ada.email().toUpperCase())).status())
        .isEqualTo(202);
    // Somebody else's address: the very same answer, and no mail.
    String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
    assertThat(api.post("/api/password-reset", "{\"email\": \"%s\"}".formatted(nobody)).status()).isEqualTo(202);
    String secret = linkIn(mailTo(ada.email(), 1).getFirst());
    assertThat(owner.queryForObject("select count(*) from password_resets where token_hash = encode(sha256(?::bytea), 'hex')",
        Integer.class, secret)).as("only the hash is stored").isOne();

    var weak = api.post("/api/password-reset/" + secret, "{\"password\": \"password12\"}");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    assertThat(api.post("/api/password-reset/" + secret, "{\"password\": \"a-brand-new-passphrase\"}").status())
        .isEqualTo(204);
    var again = api.post("/api/password-reset/" + secret, "{\"password\": \"yet-another-passphrase\"}");
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.text("error")).contains("already used");
    assertThat(api.post("/api/password-reset/not-a-link", "{\"password\": \"yet-another-passphrase\"}").status())
        .isEqualTo(410);

    assertThat(api.basic(ada.email(), ada.password()).get("/api/me").status()).isEqualTo(401);
    assertThat(api.basic(ada.email(), "a-brand-new-passphrase").get("/api/me").status()).isEqualTo(200);
    // Both browsers were signed in with the old password: both are signed out.
    assertThat(browser.get("/settings/profile").location()).endsWith("/login");
    assertThat(phone.get("/dashboard").location()).endsWith("/login");
    assertThat(owner.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
        ada.email())).isZero();
  }

  @Test
  void theFormsAskForALinkAndSetTheNewPassword() throws Exception {
    var browser = new FormClient(port);
    var forgot = browser.get("/password/forgot");
    assertThat(forgot.body()).doesNotContain("reset-mail-off");
    var asked = browser.post("/password/forgot", form("email", ada.email()));
    assertThat(asked.status()).isEqualTo(200);
    assertThat(asked.body()).contains("If an account exists for that address").contains("for an hour");
    String secret = linkIn(mailTo(ada.email(), 1).getFirst());

    var page = browser.get("/password/reset/" + secret);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Set a new password").doesNotContain("reset-gone");
    var mismatch = browser.post("/password/reset/" + secret, form("password", "a-fresh-passphrase", "confirm", "other"));
    assertThat(mismatch.status()).isEqualTo(422);
    var done = browser.post("/password/reset/" + secret, form("password", "a-fresh-passphrase", "confirm", "a-fresh-passphrase"));
    assertThat(done.location()).endsWith("/login");
    assertThat(browser.get("/login").body()).contains("Your password was changed");
    assertThat(browser.signIn(ada.email(), "a-fresh-passphrase").location()).endsWith("/dashboard");
    assertThat(browser.get("/password/reset/" + secret).status()).as("spent").isEqualTo(410);
  }

  @Test
  void anExpiredLinkIsRefused() throws Exception {
    api.post("/api/password-reset", "{\"email\": \"%s\"}".formatted(ada.email()));
    String secret = linkIn(mailTo(ada.email(), 1).getFirst());
    owner.update("update password_resets set expires_at = now() - interval '1 second' "
        + "where token_hash = encode(sha256(?::bytea), 'hex')", secret);
    var page = new FormClient(port).get("/password/reset/" + secret);
    assertThat(page.status()).isEqualTo(410);
    assertThat(page.body()).contains("data-testid=\"reset-gone\"").contains("expired");
    var api410 = api.post("/api/password-reset/" + secret, "{\"password\": \"a-brand-new-passphrase\"}");
    assertThat(api410.status()).isEqualTo(410);
    assertThat(api410.text("error")).contains("expired");
    assertThat(api.basic(ada.email(), ada.password()).get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void aResetLetsTheRealPersonInAtOnceThrottledOrLocked() throws Exception {
    for (int i = 0; i < 5; i++) {
      api.basic(ada.email(), "someone-guessing-" + i).get("/api/me");
    }
    owner.update("update sign_in_locks set consecutive_failures = 20, locked_until = now() + interval '1 hour' "
        + "where email = ?", ada.email());
    assertThat(api.basic(ada.email(), ada.password()).get("/api/me").status()).isEqualTo(429);

    api.post("/api/password-reset", "{\"email\": \"%s\"}".formatted(ada.email()));
    String secret = linkIn(mailTo(ada.email(), 1).getFirst());
    assertThat(api.post("/api/password-reset/" + secret, "{\"password\": \"back-in-business-9\"}").status())
        .isEqualTo(204);
    assertThat(api.basic(ada.email(), "back-in-business-9").get("/api/me").status()).isEqualTo(200);
    assertThat(owner.queryForObject("select count(*) from sign_in_locks where email = ?", Integer.class, ada.email()))
        .isZero();
  }

  @Test
  void askingTooOftenIsLimitedWithoutTellingWhetherTheAccountExists() {
    for (int i = 0; i < 3; i++) {
      assertThat(api.post("/api/password-reset", "{\"email\": \"%s\"}".formatted(ada.email())).status()).isEqualTo(202);
    }
    assertThat(api.post("/api/password-reset", "{\"email\": \"%s\"}".formatted(ada.email())).status()).isEqualTo(202);
    mailTo(ada.email(), 3); // the fourth was not sent
    // From one address, twenty requests per quarter of an hour; then 429.
    for (int i = 4; i < 20; i++) {
      api.post("/api/password-reset", "{\"email\": \"x%d@example.com\"}".formatted(i));
    }
    var stopped = api.post("/api/password-reset", "{\"email\": \"%s\"}".formatted(ada.email()));
    assertThat(stopped.status()).isEqualTo(429);
    assertThat(stopped.contentType()).startsWith("application/problem+json");
  }

  @Test
  void changingThePasswordOnTheProfileEndsTheOtherSessionsOnly() {
    var here = new FormClient(port);
    here.signIn(ada.email(), ada.password());
    var elsewhere = new FormClient(port);
    elsewhere.signIn(ada.email(), ada.password());
    here.get("/settings/profile");
    var wrong = here.post("/settings/profile/password",
        form("currentPassword", "not-my-password", "password", "a-changed-passphrase", "confirm", "a-changed-passphrase"));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body()).contains("Is not your current password");
    var changed = here.post("/settings/profile/password",
        form("currentPassword", ada.password(), "password", "a-changed-passphrase", "confirm", "a-changed-passphrase"));
    assertThat(changed.location()).endsWith("/settings/profile");
    assertThat(here.get("/settings/profile").status()).as("this session stays").isEqualTo(200);
    assertThat(elsewhere.get("/settings/profile").location()).as("the other one ended").endsWith("/login");
    assertThat(api.basic(ada.email(), "a-changed-passphrase").get("/api/me").status()).isEqualTo(200);
  }
}
