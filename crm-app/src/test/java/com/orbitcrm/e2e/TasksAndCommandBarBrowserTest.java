package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.orbitcrm.Api;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 17: a task made on a client, worked from My tasks; the command bar used with the keyboard only. */
class TasksAndCommandBarBrowserTest extends BrowserTest {

  Api api;
  Api.Account owner;
  String harbor;
  String harvest;
  String deal;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Tasks " + UUID.randomUUID().toString().substring(0, 6));
    api = anonymous.bearer(anonymous.tokenFor(owner));
    harbor = api.post("/api/clients", "{\"name\": \"Harbor Hospitality\", \"contactName\": \"Grace Hopper\"}").text("id");
    harvest = api.post("/api/clients", "{\"name\": \"Harvest Foods\", \"contactEmail\": \"buyer@harvest.example\"}")
        .text("id");
    deal = api.post("/api/crm/deals", "{\"name\": \"Kiosk rollout\", \"value\": 9000, \"clientId\": \"%s\"}"
        .formatted(harbor)).text("id");
    signIn(owner.email(), owner.password());
  }

  @Test
  void aTaskMadeOnAClientIsOnMyTasksAndCompletingItIsInTheTimeline() {
    page.navigate("/clients/" + harbor);
    Locator section = page.getByTestId("tasks-section");
    assertThat(section).containsText("No tasks yet");
    section.getByTestId("add-task").click();
    section.getByTestId("save-task").click(); // no subject: refused in place
    assertThat(section.locator(".field-error")).containsText("required");
    section.getByLabel("Task").fill("Send the kiosk proposal");
    section.getByLabel("Due").fill("2021-03-04T09:30");
    section.getByLabel("Priority").selectOption("high");
    section.getByTestId("save-task").click();
    Locator row = page.getByTestId("tasks-section").getByTestId("task-row");
    assertThat(row).hasCount(1);
    assertThat(row).containsText("Send the kiosk proposal");
    assertThat(row).containsText("High");
    // The shell counts it as overdue as soon as it exists.
    assertThat(page.getByTestId("overdue-count")).hasText("1");
    screenshot("70-client-tasks");

    page.getByTestId("nav-tasks").click();
    page.waitForURL("**/tasks");
    Locator overdue = page.getByTestId("tasks-overdue").getByTestId("task-row");
    assertThat(overdue).hasCount(1);
    assertThat(overdue).containsText("Send the kiosk proposal");
    assertThat(overdue.getByRole(com.microsoft.playwright.options.AriaRole.LINK)).hasText("Harbor Hospitality");
    screenshot("71-my-tasks");

    overdue.getByTestId("task-toggle").click();
    Locator done = page.locator(".task-row.is-done");
    assertThat(done).hasCount(1);
    assertThat(done.getByTestId("task-toggle")).hasAttribute("aria-checked", "true");
    assertThat(page.getByTestId("overdue-count")).hasCount(0);
    page.reload();
    assertThat(page.getByTestId("tasks-done").getByTestId("task-row")).containsText("Send the kiosk proposal");
    assertThat(page.getByTestId("tasks-overdue")).containsText("Nothing overdue");

    page.navigate("/clients/" + harbor);
    Locator feed = page.locator("#timeline-client-" + harbor).getByTestId("feed-item");
    assertThat(feed.first()).containsText("Completed: Send the kiosk proposal");
    assertThat(page.getByTestId("tasks-section").locator(".task-row.is-done")).hasCount(1);
  }

  @Test
  void theCommandBarFindsAndOpensRecordsAndRunsCommandsWithTheKeyboardOnly() {
    page.navigate("/dashboard");
    Locator input = page.getByTestId("command-input");
    Locator options = page.getByTestId("command-option");

    // Ctrl+K opens it with the focus in the combobox; Escape closes it and gives the focus back.
    page.getByTestId("command-trigger").focus();
    page.keyboard().press("Control+k");
    assertThat(input).isFocused();
    assertThat(input).hasAttribute("role", "combobox");
    assertThat(options.first()).isVisible(); // the commands, before anything is typed
    page.keyboard().press("Escape");
    assertThat(page.getByTestId("command-bar")).isHidden();
    assertThat(page.getByTestId("command-trigger")).isFocused();

    // A word prefix of a client's name: the client comes first and Enter opens its page.
    page.keyboard().press("Control+k");
    page.keyboard().type("harv");
    assertThat(options.first()).containsText("Harvest Foods");
    assertThat(options.first()).hasAttribute("aria-selected", "true");
    assertThat(input).hasAttribute("aria-activedescendant", options.first().getAttribute("id"));
    page.keyboard().press("ArrowDown");
    page.keyboard().press("ArrowUp");
    assertThat(options.first()).hasAttribute("aria-selected", "true");
    screenshot("72-command-bar");
    page.keyboard().press("Enter");
    page.waitForURL("**/clients/" + harvest);

    // A contact's name finds its client; arrows move to the deal found by its name.
    page.keyboard().press("Control+k");
    page.keyboard().type("kiosk");
    Locator kiosk = options.filter(new Locator.FilterOptions().setHasText("Kiosk rollout"));
    assertThat(kiosk).hasCount(1);
    while (!"true".equals(kiosk.getAttribute("aria-selected"))) {
      page.keyboard().press("ArrowDown");
    }
    page.keyboard().press("Enter");
    page.waitForURL("**/deals/" + deal);

    page.keyboard().press("Control+k");
    page.keyboard().type("grace");
    assertThat(options.first()).containsText("Harbor Hospitality");
    page.keyboard().press("Escape");

    // A command: "pip" → Go to pipeline.
    page.keyboard().press("Control+k");
    page.keyboard().type("go pip");
    assertThat(options.first()).containsText("Go to pipeline");
    page.keyboard().press("Enter");
    page.waitForURL(Pattern.compile(".*/pipeline$"));

    // Nothing found says so.
    page.keyboard().press("Control+k");
    page.keyboard().type("zzzqx");
    assertThat(page.locator(".command-empty")).containsText("Nothing matches");
  }
}
