package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.orbitcrm.Api;
import com.orbitcrm.demo.DemoAccounts;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Sign-up, sign-in, sign-out, switching workspaces, what a viewer sees, and API tokens, in Chromium. */
class IdentityBrowserTest extends BrowserTest {

  @Test
  void signingUpLandsInTheNewWorkspace() {
    page.navigate("/");
    screenshot("01-landing");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create a free workspace")).click();
    page.waitForURL("**/signup");

    // A bad form comes back with each error next to its field, and keeps what was typed.
    page.getByLabel("Workspace (your company)").fill("Initech");
    page.getByLabel("Your name").fill("Peter Gibbons");
    page.getByLabel("Work e-mail").fill("peter@");
    page.getByLabel("Password").fill("short");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workspace")).click();
    assertThat(page.locator("[data-error-for=email]")).containsText("valid e-mail");
    assertThat(page.locator("[data-error-for=password]")).containsText("at least 10");
    assertThat(page.getByLabel("Workspace (your company)")).hasValue("Initech");
    screenshot("03-signup-errors");

    String email = "peter-" + UUID.randomUUID().toString().substring(0, 8) + "@initech.example";
    page.getByLabel("Work e-mail").fill(email);
    page.getByLabel("Password").fill("tps-reports-forever");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workspace")).click();
    page.waitForURL("**/dashboard");
    assertThat(page.locator(".workspace-name")).hasText("Initech");
    assertThat(page.locator(".flash")).containsText("Welcome");
    assertThat(page.getByTestId("role-badge")).hasText("Owner");
    assertThat(page.locator("h1")).containsText("Peter");
  }

  @Test
  void theDemoLoginSignsInAndOut() {
    page.navigate("/login");
    screenshot("02-login");
    page.getByLabel("E-mail").fill(DemoAccounts.OWNER_EMAIL);
    page.getByLabel("Password").fill("wrong-password-1");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page.locator(".flash-error")).containsText("don't match");

    signIn(DemoAccounts.OWNER_EMAIL, DemoAccounts.OWNER_PASSWORD);
    assertThat(page.locator(".workspace-name")).hasText(DemoAccounts.WORKSPACE);
    screenshot("04-dashboard");
    for (String[] section : new String[][] {{"Clients", "05-clients"}, {"Pipeline", "06-pipeline"},
        {"Meetings", "07-meetings"}, {"Settings", "08-settings-members"}}) {
      page.locator("nav.nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
          .setName(section[0])).click();
      assertThat(page.locator("nav.nav a.active")).hasText(section[0]);
      assertThat(page.locator("h1")).isVisible();
      screenshot(section[1]);
    }
    page.navigate("/settings/workspace");
    screenshot("10-settings-workspace");
    page.navigate("/clients/does-not-exist");
    assertThat(page.locator(".error-code")).hasText("404");
    assertThat(page.locator(".error-page h1")).hasText("We couldn't find that");
    assertThat(page.locator(".workspace-name")).hasText(DemoAccounts.WORKSPACE);
    screenshot("11-error-404");

    page.getByTestId("user-menu").locator("summary").click();
    screenshot("12-user-menu");
    page.getByTestId("sign-out").click();
    page.waitForURL("**/login?signedOut");
    assertThat(page.locator(".flash")).containsText("signed out");
    page.navigate("/dashboard");
    page.waitForURL("**/login");
  }

  @Test
  void aMemberOfTwoWorkspacesSwitchesBetweenThem() {
    signIn(DemoAccounts.OWNER_EMAIL, DemoAccounts.OWNER_PASSWORD);
    assertThat(page.locator(".workspace-name")).hasText(DemoAccounts.WORKSPACE);
    page.getByTestId("workspace-switcher").locator("summary").click();
    screenshot("13-workspace-switcher");
    page.getByTestId("workspace-switcher").getByRole(AriaRole.BUTTON,
        new com.microsoft.playwright.Locator.GetByRoleOptions().setName(Pattern.compile(DemoAccounts.SECOND_WORKSPACE)))
        .click();
    page.waitForURL("**/dashboard");
    assertThat(page.locator(".workspace-name")).hasText(DemoAccounts.SECOND_WORKSPACE);
    assertThat(page.getByTestId("role-badge")).hasText("Admin");
    // The choice sticks for the session, on every page.
    page.navigate("/settings/members");
    assertThat(page.locator(".workspace-name")).hasText(DemoAccounts.SECOND_WORKSPACE);
    assertThat(page.getByTestId("members")).containsText(DemoAccounts.OWNER_EMAIL);
    assertThat(page.getByTestId("members")).not().containsText(DemoAccounts.VIEWER_EMAIL);
  }

  @Test
  void aViewerSeesNoEditControlsAndAForgedPostIsRefused() {
    signIn(DemoAccounts.VIEWER_EMAIL, DemoAccounts.VIEWER_PASSWORD);
    assertThat(page.getByTestId("role-badge")).hasText("Viewer");
    page.navigate("/settings/members");
    assertThat(page.getByTestId("members")).containsText(DemoAccounts.OWNER_EMAIL);
    assertThat(page.getByTestId("add-member")).hasCount(0);
    assertThat(page.locator("select[name=role]")).hasCount(0);
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove"))).hasCount(0);
    screenshot("14-viewer-members");

    // A hand-made POST with a valid CSRF token still meets the role check.
    var forged = page.request().post("/settings/members", RequestOptions.create().setForm(FormData.create()
        .set("_csrf", csrfToken()).set("email", "intruder@example.com").set("role", "owner")
        .set("name", "Intruder").set("password", "intruder-password-1")));
    assertThat(forged.status()).isEqualTo(403);
    var withoutCsrf = page.request().post("/settings/members", RequestOptions.create().setForm(FormData.create()
        .set("email", "intruder@example.com").set("role", "member")));
    assertThat(withoutCsrf.status()).isEqualTo(403);
    page.reload();
    assertThat(page.getByTestId("members")).not().containsText("intruder@example.com");
  }

  @Test
  void onlyABearerTokenExcusesASessionsChangeFromCsrf() {
    signIn(DemoAccounts.MEMBER_EMAIL, DemoAccounts.MEMBER_PASSWORD);
    String note = "{\"entityType\": \"client\", \"entityId\": \"" + UUID.randomUUID() + "\", \"content\": \"x\"}";
    // The session cookie goes along by itself: some other Authorization header does not make that safe.
    var basic = page.request().post("/api/crm/notes", RequestOptions.create().setData(note)
        .setHeader("Content-Type", "application/json")
        .setHeader("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            (DemoAccounts.MEMBER_EMAIL + ":" + DemoAccounts.MEMBER_PASSWORD).getBytes(StandardCharsets.UTF_8))));
    assertThat(basic.status()).isEqualTo(403);
    assertThat(basic.text()).contains("CSRF");
    var garbage = page.request().post("/api/crm/notes", RequestOptions.create().setData(note)
        .setHeader("Content-Type", "application/json").setHeader("Authorization", "Bearer orb_forged"));
    assertThat(garbage.status()).isEqualTo(401);
    var withCsrf = page.request().post("/api/crm/notes", RequestOptions.create().setData(note)
        .setHeader("Content-Type", "application/json").setHeader("X-CSRF-TOKEN", csrfToken()));
    assertThat(withCsrf.status()).as("past CSRF, the unknown record is a 400").isEqualTo(400);
    assertThat(page.request().get("/dashboard").headers().get("referrer-policy"))
        .isEqualTo("strict-origin-when-cross-origin");
  }

  @Test
  void anApiTokenIsCreatedShownOnceUsedAndRevoked() {
    signIn(DemoAccounts.MEMBER_EMAIL, DemoAccounts.MEMBER_PASSWORD);
    page.navigate("/settings/tokens");
    String name = "Spreadsheet sync " + UUID.randomUUID().toString().substring(0, 4);
    page.getByLabel("Name").fill(name);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
    String secret = page.locator("#new-token").inputValue();
    assertThat(secret).startsWith("orb_");
    screenshot("09-settings-tokens");

    var api = new Api(port).bearer(secret);
    var members = api.get("/api/members");
    assertThat(members.status()).isEqualTo(200);
    assertThat(members.body()).contains(DemoAccounts.OWNER_EMAIL);
    assertThat(api.get("/api/me").text("role")).isEqualTo("member");

    // Shown once: a reload lists the token by name and prefix only.
    page.navigate("/settings/tokens");
    assertThat(page.locator("#new-token")).hasCount(0);
    assertThat(page.content()).doesNotContain(secret);
    var row = page.locator("tr[data-token-name='" + name + "']");
    row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Revoke")).click();
    assertThat(page.locator(".flash")).containsText("revoked");
    assertThat(page.locator("tr[data-token-name='" + name + "']")).containsText("Revoked");
    assertThat(api.get("/api/members").status()).isEqualTo(401);
  }
}
