package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.FilePayload;
import com.orbitcrm.demo.DemoAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * An import as a person does it: the sample file from the upload page, a column mapped by hand, the preview's
 * errors, the import with its progress bar, the refused rows downloaded, and undo.
 */
class ImportBrowserTest extends BrowserTest {

  private void htmxSettled() {
    page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')");
  }

  private static byte[] sample() throws IOException {
    try (InputStream in = ImportBrowserTest.class.getResourceAsStream("/static/samples/clients.csv")) {
      return in.readAllBytes();
    }
  }

  @Test
  void uploadMapPreviewImportDownloadTheRefusedRowsAndUndo() throws IOException {
    signIn(DemoAccounts.MEMBER_EMAIL, DemoAccounts.MEMBER_PASSWORD);
    page.navigate("/clients");
    page.getByTestId("import-clients").click();
    page.waitForURL("**/imports/new?entity=clients");
    assertThat(page.locator("a[href='/samples/clients.csv']")).isVisible();
    page.getByLabel("CSV file").setInputFiles(new FilePayload("clients.csv", "text/csv", sample()));
    screenshot("60-import-upload");
    page.getByTestId("upload").click();
    page.waitForURL("**/mapping");

    // Matched by their headers; "Branche" is not a header Orbit knows: mapped by hand.
    assertThat(page.getByLabel("Field for column Company name")).hasValue("name");
    assertThat(page.getByLabel("Field for column Email")).hasValue("contactEmail");
    var branche = page.getByLabel("Field for column Branche");
    assertThat(branche).hasValue("ignore");
    branche.selectOption("industry");

    page.getByTestId("preview").click();
    htmxSettled();
    var preview = page.getByTestId("preview-table");
    assertThat(preview).isVisible();
    assertThat(preview).containsText("Software");
    assertThat(preview).containsText("is not a valid e-mail address");
    assertThat(preview).containsText("must be two letters");
    assertThat(preview.locator(".badge-danger")).hasCount(4);
    screenshot("61-import-mapping-preview");

    page.getByTestId("start-import").click();
    page.waitForURL("**/imports/*");
    var progress = page.getByTestId("import-progress");
    assertThat(progress).hasAttribute("data-status", "completed", new com.microsoft.playwright.assertions
        .LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
    assertThat(page.getByTestId("created")).hasText("6");
    assertThat(page.getByTestId("rejected")).hasText("4");
    assertThat(page.locator("progress.import-bar")).hasAttribute("value", "100");
    assertThat(page.getByTestId("rejects-table")).containsText("contactEmail");
    screenshot("62-import-completed");

    Download download = page.waitForDownload(() -> page.getByTestId("download-rejected").click());
    String rejected = Files.readString(download.path(), StandardCharsets.UTF_8);
    assertThat(rejected).startsWith("line,reason,Company name,Contact,Email");
    assertThat(rejected).contains("Litware Inc").contains("Tailspin Toys").doesNotContain("Coho Winery");

    page.navigate("/clients?search=coho");
    assertThat(page.locator("#client-rows tr.client-row")).hasCount(1);
    assertThat(page.locator("#client-rows")).containsText("Coho Winery");

    page.navigate("/imports");
    assertThat(page.getByTestId("imports-table")).containsText("clients.csv");
    page.getByTestId("imports-table").getByText("clients.csv").first().click();
    page.getByTestId("undo-import").click();
    assertThat(page.getByTestId("import-status")).containsText("Undone");
    assertThat(page.locator(".flash")).containsText("undone");
    page.navigate("/clients?search=coho");
    assertThat(page.locator("#client-rows tr.client-row")).hasCount(0);

    // On a phone: the history fits (the table scrolls inside its card).
    page.setViewportSize(390, 844);
    page.navigate("/imports");
    assertThat(page.getByTestId("new-import")).isVisible();
    screenshot("63-imports-phone");
  }
}
