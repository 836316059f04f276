package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.orbitcrm.Api;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Invitations as people use them: an admin invites from Settings → Members and gets the link once; the invitee
 * follows it, signs in (or creates their account), accepts and lands in the workspace; someone invited while
 * signed in accepts from the workspace switcher; a sign-up with a taken address points to sign-in and reset.
 */
class InvitationBrowserTest extends BrowserTest {

  /** Invites {@code email} from the members page as the signed-in admin and answers the link shown once. */
  String inviteFromSettings(String email) {
    page.navigate("/settings/members");
    page.getByLabel("E-mail").fill(email);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite").setExact(true)).click();
    assertThat(page.getByTestId("invitation-link")).containsText(email);
    assertThat(page.getByTestId("invitations").locator("tr[data-email=\"" + email + "\"]")).containsText("Member");
    // Nobody joined yet.
    assertThat(page.getByTestId("members")).not().containsText(email);
    String url = page.locator("#accept-url").inputValue();
    assertThat(url).contains("/invitations/inv_");
    return url.replaceFirst("^https?://[^/]+", "");
  }

  void inAnotherBrowser(int width, Consumer<Page> work) {
    BrowserContext other = browser().newContext(new Browser.NewContextOptions()
        .setBaseURL("http://localhost:" + port).setViewportSize(width, 844));
    try {
      Page p = other.newPage();
      p.onDialog(d -> d.accept());
      work.accept(p);
    } finally {
      other.close();
    }
  }

  @Test
  void anAdminInvitesAnExistingAccountWhichSignsInAcceptsAndLandsInTheWorkspace() {
    var api = new Api(port);
    String workspace = "Hooli " + UUID.randomUUID().toString().substring(0, 4);
    var admin = api.signUp(workspace);
    var invitee = api.signUp("Pied Piper");

    signIn(admin.email(), admin.password());
    String link = inviteFromSettings(invitee.email());
    screenshot("30-invitation-settings");

    inAnotherBrowser(1024, p -> {
      p.navigate(link);
      var card = p.getByTestId("invitation");
      assertThat(card).containsText(workspace);
      assertThat(p.getByTestId("invitation-role")).hasText("Member");
      p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("31-invitation-page.png")).setFullPage(true));
      p.getByTestId("invitation-sign-in").click();
      p.waitForURL("**/login");
      p.getByLabel("E-mail").fill(invitee.email());
      p.getByLabel("Password").fill(invitee.password());
      p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
      // Back on the invitation, now signed in as the invited address.
      p.waitForURL("**" + link);
      p.getByTestId("accept-invitation").click();
      p.waitForURL("**/dashboard");
      assertThat(p.locator(".flash")).containsText("Welcome to " + workspace);
      assertThat(p.getByTestId("workspace-switcher")).containsText(workspace);
      p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("32-invitation-joined.png")));
      // Used once: the link now says so.
      p.navigate(link);
      assertThat(p.getByTestId("invitation-refusal")).containsText("already been used");
    });

    page.navigate("/settings/members");
    assertThat(page.getByTestId("members")).containsText(invitee.email());
    assertThat(page.getByTestId("invitations")).hasCount(0);
  }

  @Test
  void someoneWithoutAnAccountCreatesItFromTheLinkOnAPhone() {
    var api = new Api(port);
    String workspace = "Raviga " + UUID.randomUUID().toString().substring(0, 4);
    var admin = api.signUp(workspace);
    String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    signIn(admin.email(), admin.password());
    String link = inviteFromSettings(email);

    inAnotherBrowser(390, p -> {
      p.navigate(link);
      assertThat(p.getByTestId("invitation")).containsText(workspace);
      p.getByLabel("Your name").fill("Nora Newcomer");
      p.getByLabel("Password").fill("short");
      p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and join")).click();
      assertThat(p.locator("[data-error-for=password]")).containsText("at least 10");
      p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("33-invitation-new-account-390.png"))
          .setFullPage(true));
      assertThat((Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
      p.getByLabel("Password").fill("a-newcomers-password");
      p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and join")).click();
      p.waitForURL("**/dashboard");
      assertThat(p.locator(".flash")).containsText("Welcome to " + workspace);
    });
    assertThat(api.basic(email, "a-newcomers-password").get("/api/me").text("tenantId")).isEqualTo(admin.tenantId());
  }

  @Test
  void aSignedInPersonAcceptsFromTheSwitcherAndTheWrongAccountIsTold() {
    var api = new Api(port);
    String workspace = "Endframe " + UUID.randomUUID().toString().substring(0, 4);
    var admin = api.signUp(workspace);
    var invitee = api.signUp("Bachmanity");
    var invited = api.bearer(api.tokenFor(admin)).post("/api/members", """
        {"email": "%s", "role": "viewer"}""".formatted(invitee.email()));
    String link = invited.text("acceptUrl").replaceFirst("^https?://[^/]+", "");

    // Signed in as somebody else, the link says whose it is and joins nobody.
    signIn(admin.email(), admin.password());
    page.navigate(link);
    assertThat(page.getByTestId("invitation-other-account")).containsText(invitee.email());
    assertThat(page.getByTestId("accept-invitation")).hasCount(0);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true)).first().click();

    signIn(invitee.email(), invitee.password());
    page.getByTestId("workspace-switcher").locator("summary").click();
    var own = page.getByTestId("own-invitations");
    assertThat(own).containsText("You're invited to " + workspace);
    screenshot("34-invitation-switcher");
    own.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Accept")).click();
    page.waitForURL("**/dashboard");
    assertThat(page.locator(".flash")).containsText("Welcome to " + workspace);
    assertThat(page.getByTestId("role-badge")).containsText("Viewer");
    assertThat(page.getByTestId("own-invitations")).hasCount(0);
  }

  @Test
  void aSignUpWithATakenAddressPointsToSignInAndReset() {
    var taken = new Api(port).signUp("Taken");
    page.navigate("/signup");
    page.getByLabel("Workspace (your company)").fill("Copycat");
    page.getByLabel("Your name").fill("Someone");
    page.getByLabel("Work e-mail").fill(taken.email());
    page.getByLabel("Password").fill("a-perfectly-fine-password");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workspace")).click();
    var notice = page.getByTestId("signup-taken");
    assertThat(notice).containsText("That e-mail already has an account");
    assertThat(notice.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
        .setName("reset your password"))).hasAttribute("href", "/password/forgot");
    assertThat(page.locator("main")).not().containsText("Olive Owner");
    screenshot("35-signup-taken");
  }
}
