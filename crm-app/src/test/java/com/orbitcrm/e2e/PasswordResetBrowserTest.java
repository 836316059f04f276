package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.orbitcrm.Api;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Forgot password as a person goes through it, with a real SMTP server in this JVM (GreenMail): the link on the
 * sign-in page, the form, the e-mail, its link, the new password, and signing in with it (the old one refused).
 */
class PasswordResetBrowserTest extends BrowserTest {

  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/password/reset/[A-Za-z0-9_-]{43})");

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

  @Test
  void forgotPasswordMailResetAndSignInWithTheNewOne() throws Exception {
    var account = new Api(port).signUp("Forgetful " + UUID.randomUUID().toString().substring(0, 6));

    page.navigate("/login");
    page.getByTestId("forgot-link").click();
    page.waitForURL("**/password/forgot");
    page.getByLabel("E-mail").fill(account.email());
    screenshot("password-forgot");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click();
    assertThat(page.getByTestId("reset-sent")).containsText("If an account exists for that address");

    MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> {
          try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(account.email()));
          } catch (Exception e) {
            return false;
          }
        }).findFirst().orElse(null), m -> m != null);
    String text = GreenMailUtil.getBody(((Multipart) mail.getContent()).getBodyPart(0)).replace("=\r\n", "");
    var link = LINK.matcher(text);
    assertThat(link.find()).as(text).isTrue();

    page.navigate(link.group(1));
    page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("lighthouse-keeper-42");
    page.getByLabel("New password again").fill("lighthouse-keeper-42");
    screenshot("password-reset");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
    page.waitForURL("**/login");
    assertThat(page.locator(".flash")).containsText("Your password was changed");

    // The old password no longer opens the account; the new one does.
    page.getByLabel("E-mail").fill(account.email());
    page.getByLabel("Password").fill(account.password());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL("**/login?error");
    signIn(account.email(), "lighthouse-keeper-42");
    assertThat(page).hasURL(Pattern.compile(".*/dashboard$"));

    // The link was used: opening it again says so.
    page.navigate(link.group(1));
    assertThat(page.getByTestId("reset-gone")).containsText("already used");
  }
}
