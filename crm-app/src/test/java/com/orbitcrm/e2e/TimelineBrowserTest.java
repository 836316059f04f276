package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.orbitcrm.Api;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Timeline and Notes sections of the client page and the deal modal, as a person uses them. */
class TimelineBrowserTest extends BrowserTest {

  Api api;
  Api.Account owner;
  String clientId;
  String dealId;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Timeline " + UUID.randomUUID().toString().substring(0, 6));
    api = anonymous.bearer(anonymous.tokenFor(owner));
    clientId = api.post("/api/clients", "{\"name\": \"Harbor Hospitality\"}").text("id");
    dealId = api.post("/api/crm/deals", "{\"name\": \"Kiosk rollout\", \"value\": 9000, \"clientId\": \"%s\"}"
        .formatted(clientId)).text("id");
    api.post("/api/crm/activities", """
        {"entityType": "client", "entityId": "%s", "activityType": "email", "subject": "Welcome pack",
         "emailTo": "gm@harbor.example"}""".formatted(clientId));
    signIn(owner.email(), owner.password());
  }

  private Locator timeline() {
    return page.locator("#timeline-client-" + clientId);
  }

  private Locator button(Locator in, String name) {
    return in.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  @Test
  void aLoggedCallAppearsOnTopAndTheFeedFiltersByType() {
    page.navigate("/clients/" + clientId);
    var feed = timeline().getByTestId("feed-item");
    assertThat(feed).hasCount(1);
    page.evaluate("window.__sameDocument = true");

    // The form's fields follow the type: a call asks for outcome and duration.
    timeline().locator(".log-type", new Locator.LocatorOptions().setHasText("Call")).click();
    assertThat(timeline().getByLabel("Outcome")).isVisible();
    assertThat(timeline().getByTestId("log-submit")).hasText("Log call");
    timeline().getByLabel("Subject").fill("Quarterly check-in");
    timeline().getByLabel("Outcome").selectOption("answered");
    timeline().getByLabel("Duration (min)").fill("twelve");
    timeline().getByTestId("log-submit").click();
    assertThat(timeline().locator("[data-error-for=callMinutes]")).isVisible();
    timeline().getByLabel("Duration (min)").fill("12");
    timeline().getByTestId("log-submit").click();

    assertThat(feed).hasCount(2);
    assertThat(feed.first()).containsText("Quarterly check-in");
    assertThat(feed.first()).containsText("Answered");
    assertThat(feed.first()).containsText("12 min");
    assertThat(feed.first()).containsText("Olive Owner");
    assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);
    screenshot("40-timeline-call-logged");

    button(timeline(), "Call").click();
    assertThat(feed).hasCount(1);
    assertThat(feed.first()).hasAttribute("data-type", "call");
    button(timeline(), "E-mail").click();
    assertThat(feed).hasCount(1);
    assertThat(feed.first()).containsText("Welcome pack");
    button(timeline(), "All").click();
    assertThat(feed).hasCount(2);
  }

  @Test
  void aMeetingThatEndsBeforeItStartsIsRefusedInPlace() {
    page.navigate("/clients/" + clientId);
    timeline().locator(".log-type", new Locator.LocatorOptions().setHasText("Meeting")).click();
    timeline().getByLabel("Subject").fill("Site visit");
    timeline().getByLabel("Starts (UTC)").fill("2026-12-01T15:00");
    timeline().getByLabel("Ends (UTC)").fill("2026-12-01T14:00");
    timeline().getByTestId("log-submit").click();
    assertThat(timeline().locator("[data-error-for=meetingEndTime]")).containsText("after the start");
    assertThat(timeline().getByLabel("Subject")).hasValue("Site visit");
    assertThat(timeline().getByTestId("feed-item")).hasCount(1);
  }

  @Test
  void movingADealWritesTheStageChangeOnItsTimelineAndItsClients() {
    page.navigate("/pipeline");
    page.locator(".deal-card", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Kiosk rollout"))
        .locator(".deal-name").click();
    var panel = page.getByTestId("deal-panel");
    button(panel, "Negotiation").click();
    assertThat(panel.locator(".stage-bar li.current")).hasText("Negotiation");

    // Recorded after the move commits (through the event registry): the section refreshes itself.
    var dealFeed = page.locator("#timeline-deal-" + dealId).getByTestId("feed-item");
    assertThat(dealFeed.first()).containsText("Lead → Negotiation",
        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
    assertThat(dealFeed.first()).containsText("Olive Owner");
    screenshot("41-deal-modal-timeline");

    page.navigate("/clients/" + clientId);
    assertThat(timeline().getByTestId("feed-item").first()).containsText("Kiosk rollout: Lead → Negotiation");
  }

  @Test
  void notesArePinnedToTheTopShownAsTextAndDeletedWithUndo() {
    page.navigate("/clients/" + clientId);
    var notes = page.locator("#notes-client-" + clientId);
    var items = notes.getByTestId("note");
    notes.getByLabel("New note").fill("First call went well. **Budget** is approved.\n- kiosks\n- tablets");
    button(notes, "Add note").click();
    assertThat(items).hasCount(1);
    notes.getByLabel("New note").fill("<b>Hi</b><img src=x onerror=\"window.__xss = 1\"><script>window.__xss = 2</script>");
    notes.locator(".swatch-yellow input").check();
    button(notes, "Add note").click();
    assertThat(items).hasCount(2);

    // Typed HTML is shown, never run; the Markdown subset is rendered.
    var html = items.first();
    assertThat(html).containsText("<script>window.__xss = 2</script>");
    assertThat(html).containsText("<b>Hi</b>");
    assertThat(html.locator("img, script, b")).hasCount(0);
    assertThat(page.evaluate("window.__xss === undefined")).isEqualTo(true);
    assertThat(html).hasClass(java.util.regex.Pattern.compile(".*note-yellow.*"));
    assertThat(items.nth(1).locator("strong")).hasText("Budget");
    assertThat(items.nth(1).locator("li")).hasCount(2);

    // Pinning the older note moves it to the top.
    items.nth(1).getByTestId("pin-note").click();
    assertThat(items.first()).containsText("First call went well");
    assertThat(items.first()).containsText("Pinned");
    screenshot("42-notes");

    // Edit in place, then delete with undo.
    button(items.first(), "Edit").click();
    var editor = notes.locator("li.editing textarea");
    editor.fill("First call went very well.");
    button(notes.locator("li.editing"), "Save").click();
    assertThat(items.first()).containsText("First call went very well.");
    items.nth(1).getByTestId("delete-note").click();
    assertThat(items).hasCount(1);
    page.getByTestId("undo-note").click();
    assertThat(items).hasCount(2);
    assertThat(api.get("/api/crm/notes/client/" + clientId).json().size()).isEqualTo(2);
  }

  @Test
  void aTrackedEmailShowsItsLinksAndThenThatItWasOpenedAndClicked() {
    page.navigate("/clients/" + clientId);
    timeline().locator(".log-type", new Locator.LocatorOptions().setHasText("E-mail")).click();
    timeline().getByLabel("Subject").fill("Your proposal");
    timeline().getByLabel("To", new Locator.GetByLabelOptions().setExact(true)).fill("gm@harbor.example");
    timeline().getByLabel("Links to track").fill("https://harbor.example/proposal");
    timeline().getByLabel("Track opens (gives a pixel to put in the e-mail)").check();
    timeline().getByTestId("log-submit").click();
    var item = timeline().getByTestId("feed-item").first();
    assertThat(item).containsText("Your proposal");
    item.locator("summary").click();
    String tracked = item.getByLabel("Tracked link").inputValue();
    String pixelHtml = item.getByLabel("Tracking pixel HTML").inputValue();
    assertThat(tracked).contains("/t/").endsWith("/go");
    assertThat(pixelHtml).startsWith("<img src=\"http").contains("/open.gif");

    // The recipient's mail client fetches them, signed in or not.
    var stranger = context.browser().newContext();   // no session: like the recipient's mail client
    var recipient = stranger.request();
    try {
      var click = recipient.get(tracked, com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0));
      assertThat(click.status()).isEqualTo(302);
      assertThat(click.headers().get("location")).isEqualTo("https://harbor.example/proposal");
      String pixel = pixelHtml.replaceFirst("^<img src=\"([^\"]+)\".*$", "$1");
      assertThat(recipient.get(pixel).status()).isEqualTo(200);
    } finally {
      stranger.close();
    }
    page.reload();
    var seen = timeline().getByTestId("feed-item").first();
    assertThat(seen.getByText("Opened", new Locator.GetByTextOptions().setExact(true))).isVisible();
    assertThat(seen.getByText("Clicked", new Locator.GetByTextOptions().setExact(true))).isVisible();
    screenshot("43-timeline-tracked-email");
  }

  @Test
  void anotherWorkspacesTimelinesAndNotesStayOutOfReach() {
    var other = new Api(port);
    var theirs = other.bearer(other.tokenFor(other.signUp("Other " + UUID.randomUUID())));
    String theirClient = theirs.post("/api/clients", "{\"name\": \"Theirs\"}").text("id");
    String theirNote = theirs.post("/api/crm/notes", """
        {"entityType": "client", "entityId": "%s", "content": "Their secret"}""".formatted(theirClient)).text("id");

    page.navigate("/clients/" + clientId);
    var csrf = com.microsoft.playwright.options.RequestOptions.create().setHeader("X-CSRF-TOKEN", csrfToken());
    var request = context.request();
    assertThat(request.get("/timeline/client/" + theirClient).status()).isEqualTo(404);
    assertThat(request.get("/notes/client/" + theirClient).status()).isEqualTo(404);
    assertThat(request.get("/note/" + theirNote + "/edit").status()).isEqualTo(404);
    assertThat(request.post("/note/" + theirNote + "/delete", csrf).status()).isEqualTo(404);
    assertThat(request.post("/timeline/client/" + theirClient,
        csrf.setForm(com.microsoft.playwright.options.FormData.create().set("activityType", "note")
            .set("subject", "Sneaky"))).status()).isEqualTo(404);
    assertThat(theirs.get("/api/crm/notes/client/" + theirClient).json().get(0).get("content").asString())
        .isEqualTo("Their secret");
    assertThat(theirs.get("/api/crm/activities/client/" + theirClient).json().size()).isZero();
  }

  @Test
  void olderEntriesLoadOnRequest() {
    for (int i = 1; i <= 18; i++) {
      api.post("/api/crm/activities", """
          {"entityType": "client", "entityId": "%s", "activityType": "task", "subject": "Task %02d"}"""
          .formatted(clientId, i));
    }
    page.navigate("/clients/" + clientId);
    var feed = timeline().getByTestId("feed-item");
    assertThat(feed).hasCount(15);
    assertThat(feed.first()).containsText("Task 18");
    timeline().getByTestId("load-older").click();
    assertThat(feed).hasCount(19);
    assertThat(feed.last()).containsText("Welcome pack");
    assertThat(timeline().getByTestId("load-older")).hasCount(0);
  }
}
