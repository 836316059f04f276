package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.orbitcrm.demo.DemoAccounts;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The clients list and detail page, as a person uses them. */
class ClientsBrowserTest extends BrowserTest {

  private Locator rows() {
    return page.locator("#client-rows tr.client-row");
  }

  @Test
  void searchNarrowsTheListAsYouType() {
    signIn(DemoAccounts.OWNER_EMAIL, DemoAccounts.OWNER_PASSWORD);
    page.navigate("/clients");
    assertThat(rows().first()).isVisible();
    int all = rows().count();
    assertThat(all).isGreaterThanOrEqualTo(25);
    screenshot("20-clients-list");

    page.getByLabel("Search clients").pressSequentially("bluebird", new Locator.PressSequentiallyOptions().setDelay(30));
    assertThat(rows()).hasCount(1);
    assertThat(rows().first()).containsText("Bluebird Health");
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*search=bluebird.*"));

    page.getByLabel("Search clients").fill("no such company anywhere");
    assertThat(rows()).hasCount(0);
    assertThat(page.locator(".empty-row")).isVisible();

    page.getByLabel("Search clients").fill("");
    page.getByLabel("Status").selectOption("churned");
    assertThat(rows().first()).isVisible();
    for (String status : rows().locator(".badge").allTextContents()) {
      assertThat(status).isEqualTo("Churned");
    }
    int churned = rows().count();

    // The export link follows the filters: the download holds the churned clients, and only them.
    assertThat(page.getByTestId("export-clients")).hasText("Export these clients (CSV)");
    var download = page.waitForDownload(() -> page.getByTestId("export-clients").click());
    assertThat(download.suggestedFilename()).matches("clients-\\d{4}-\\d{2}-\\d{2}\\.csv");
    try {
      var lines = java.nio.file.Files.readAllLines(download.path());
      org.assertj.core.api.Assertions.assertThat(lines.getFirst()).startsWith("id,name,contactName,");
      org.assertj.core.api.Assertions.assertThat(lines.subList(1, lines.size()))
          .hasSize(churned).allMatch(line -> line.contains(",churned,"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void quickAddValidatesInlineAndAddsTheRowWithoutAReload() {
    signIn(DemoAccounts.MEMBER_EMAIL, DemoAccounts.MEMBER_PASSWORD);
    page.navigate("/clients");
    page.evaluate("window.__sameDocument = true");
    page.getByTestId("new-client").click();
    var modal = page.getByTestId("quick-add");
    assertThat(modal).isVisible();

    modal.getByLabel("Contact e-mail").fill("not-an-address");
    modal.getByLabel("State").fill("Texas");
    modal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add client")).click();
    assertThat(page.locator("[data-error-for=name]")).containsText("required");
    assertThat(page.locator("[data-error-for=contactEmail]")).containsText("valid e-mail");
    assertThat(page.locator("[data-error-for=state]")).containsText("two letters");
    screenshot("21-clients-quick-add-errors");

    String name = "Quantum Widgets " + UUID.randomUUID().toString().substring(0, 6);
    modal.getByLabel("Company name").fill(name);
    modal.getByLabel("Contact e-mail").fill("ceo@quantum.example");
    modal.getByLabel("State").fill("tx");
    modal.getByLabel("Monthly spend (USD)").fill("4200");
    modal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add client")).click();
    assertThat(page.getByTestId("quick-add")).hasCount(0);
    var added = rows().first();
    assertThat(added).containsText(name);
    assertThat(added).containsText("$4,200");
    assertThat(added).containsText("Sam Rivera");
    assertThat(page.locator(".toast")).containsText("was added");
    assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);
    screenshot("22-clients-quick-added");
  }

  @Test
  void aClientIsEditedInPlace() {
    signIn(DemoAccounts.OWNER_EMAIL, DemoAccounts.OWNER_PASSWORD);
    page.navigate("/clients?search=harbor");
    rows().first().getByRole(AriaRole.LINK).first().click();
    page.waitForURL("**/clients/*");
    assertThat(page.locator("#client-name")).hasText("Harbor Hospitality");
    screenshot("23-client-detail");

    page.getByTestId("edit-client").click();
    var form = page.getByTestId("client-form");
    form.getByLabel("ZIP code").fill("1234");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
    assertThat(page.locator("[data-error-for=zipCode]")).containsText("ZIP code");
    screenshot("24-client-edit-error");

    form.getByLabel("ZIP code").fill("33130");
    form.getByLabel("City").fill("Miami Beach");
    form.getByLabel("Company name").fill("Harbor Hospitality Group");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
    assertThat(page.locator(".saved-note")).isVisible();
    assertThat(page.locator("#client-card")).containsText("Miami Beach");
    assertThat(page.locator("#client-name")).hasText("Harbor Hospitality Group");
    page.reload();
    assertThat(page.locator("#client-card")).containsText("33130");
    assertThat(page.locator("#client-name")).hasText("Harbor Hospitality Group");
  }

  @Test
  void aDeletedClientGoesToTheTrashAndIsRestored() {
    signIn(DemoAccounts.OWNER_EMAIL, DemoAccounts.OWNER_PASSWORD);
    page.navigate("/clients?search=xenon");
    rows().first().getByRole(AriaRole.LINK).first().click();
    page.waitForURL("**/clients/*");
    String url = page.url();
    page.getByTestId("delete-client").click();
    page.waitForURL("**/clients");
    assertThat(page.locator(".flash")).containsText("moved to the trash");
    page.getByLabel("Search clients").fill("xenon");
    assertThat(rows()).hasCount(0);

    page.navigate("/clients/trash");
    var trashed = page.locator("tr[data-client='Xenon Labs']");
    assertThat(trashed).containsText("30 days");
    screenshot("25-clients-trash");
    trashed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Restore")).click();
    page.waitForURL(url);
    assertThat(page.locator(".flash")).containsText("restored");
    page.navigate("/clients?search=xenon");
    assertThat(rows()).hasCount(1);
  }

  @Test
  void aViewerReadsButCannotChange() {
    signIn(DemoAccounts.VIEWER_EMAIL, DemoAccounts.VIEWER_PASSWORD);
    page.navigate("/clients");
    assertThat(rows().first()).isVisible();
    assertThat(page.getByTestId("new-client")).hasCount(0);
    rows().first().getByRole(AriaRole.LINK).first().click();
    page.waitForURL("**/clients/*");
    assertThat(page.getByTestId("edit-client")).hasCount(0);
    assertThat(page.getByTestId("delete-client")).hasCount(0);
    var forged = page.request().post(page.url() + "/delete", com.microsoft.playwright.options.RequestOptions.create()
        .setForm(com.microsoft.playwright.options.FormData.create().set("_csrf", csrfToken())));
    assertThat(forged.status()).isEqualTo(403);
  }

  @Test
  void theApiReferenceIsBrowsable() {
    page.navigate("/api/docs");
    assertThat(page.locator(".swagger-ui .opblock").first()).isVisible();
    assertThat(page.locator(".swagger-ui")).containsText("/api/clients");
    screenshot("26-api-docs");
  }
}
