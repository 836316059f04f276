package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.orbitcrm.Api;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What people see of the sign-in protection (this server sends no mail): the sign-in page after too many attempts,
 * their own failed sign-ins on the profile, and an owner's members list with a locked member, Unlock, and a reset
 * link shown once. The buckets of localhost, which every test shares, are cleared around it.
 */
class SignInSecurityBrowserTest extends BrowserTest {

  final JdbcTemplate owner = new JdbcTemplate(TestPostgres.database().ownerDataSource());

  @BeforeEach
  @AfterEach
  void forgetAllCounts() {
    owner.update("delete from sign_in_buckets");
    owner.update("delete from sign_in_locks");
  }

  private void tryPassword(String email, String password) {
    page.navigate("/login");
    page.getByLabel("E-mail").fill(email);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForLoadState();
  }

  @Test
  void tooManyAttemptsAreToldTheOwnerSeesThemAndAnAdminUnlocksAndMakesAResetLink() {
    var api = new Api(port);
    var ada = api.signUp("Watchful " + UUID.randomUUID().toString().substring(0, 6));
    String sam = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    api.bearer(api.tokenFor(ada)).post("/api/members", """
        {"email": "%s", "name": "Sam Locked", "role": "member", "password": "sams-own-password-1"}""".formatted(sam));

    // Sam's password is guessed five times: the sixth try, the right password, is refused with a wait.
    for (int i = 0; i < 5; i++) {
      tryPassword(sam, "guess-number-" + i);
      assertThat(page.locator(".flash")).containsText("don't match");
    }
    tryPassword(sam, "sams-own-password-1");
    assertThat(page.getByTestId("sign-in-refused")).containsText("Too many sign-in attempts. Wait");
    assertThat(page.getByTestId("forgot-link")).isVisible();
    screenshot("sign-in-throttled");

    // …and then locked (as twenty failures in a row would).
    owner.update("update sign_in_locks set consecutive_failures = 20, locked_until = now() + interval '1 hour' "
        + "where email = ?", sam);
    tryPassword(ada.email(), "ada-mistyped-it");
    signIn(ada.email(), ada.password());

    page.navigate("/settings/profile");
    assertThat(page.getByTestId("failed-sign-ins")).containsText("Sign-in page");
    // The address Tomcat saw: localhost over IPv4 or IPv6, as the browser chose.
    assertThat(page.getByTestId("failed-sign-ins")).containsText(
        java.util.regex.Pattern.compile("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"));
    screenshot("profile-sign-in-security");

    page.navigate("/settings/members");
    var row = page.locator("tr[data-email='" + sam + "']");
    assertThat(row.getByTestId("locked-badge")).isVisible();
    row.getByTestId("make-reset-link").click();
    assertThat(page.getByTestId("reset-link")).containsText("/password/reset/");
    screenshot("members-locked-and-reset-link");
    page.locator("tr[data-email='" + sam + "']").getByTestId("unlock").click();
    assertThat(page.locator(".flash")).containsText("Sam Locked can sign in again.");
    assertThat(page.locator("tr[data-email='" + sam + "']").getByTestId("locked-badge")).hasCount(0);
  }
}
