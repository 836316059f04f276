package com.orbitcrm.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.orbitcrm.OrbitIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real application on a random port, driven by the machine's Chromium through Playwright. The
 * browser is Debian's ({@code apt-get install -y chromium}), or the one named by {@code ORBIT_CHROMIUM};
 * Playwright is never allowed to download its own.
 */
@OrbitIntegrationTest
abstract class BrowserTest {

  static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort int port;
  BrowserContext context;
  Page page;

  @BeforeAll
  static void launchBrowser() {
    String configured = System.getenv("ORBIT_CHROMIUM");
    Path chromium = Paths.get(configured != null ? configured : "/usr/bin/chromium");
    if (!Files.isExecutable(chromium)) {
      fail("Browser tests need Chromium at " + chromium + ": install it with `apt-get install -y chromium` "
          + "(Debian/Ubuntu), or set ORBIT_CHROMIUM to a Chromium or Chrome executable.");
    }
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(chromium)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void openPage() {
    context = browser.newContext(new Browser.NewContextOptions()
        .setBaseURL("http://localhost:" + port)
        .setViewportSize(1360, 860));
    context.setDefaultTimeout(10_000);
    page = context.newPage();
    page.onDialog(Dialog::accept);
  }

  @AfterEach
  void closePage() {
    context.close();
  }

  /** The shared browser, for a second context (someone without an account, another screen size). */
  static Browser browser() {
    return browser;
  }

  void signIn(String email, String password) {
    page.navigate("/login");
    page.getByLabel("E-mail").fill(email);
    page.getByLabel("Password").fill(password);
    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL("**/dashboard");
  }

  /** Saves the whole page as target/screenshots/{name}.png for a person to look at. */
  void screenshot(String name) {
    page.evaluate("window.scrollTo(0, 0)");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  String csrfToken() {
    return page.locator("meta[name=csrf-token]").getAttribute("content");
  }
}
