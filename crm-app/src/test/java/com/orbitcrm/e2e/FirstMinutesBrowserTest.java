package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.orbitcrm.Api;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer meets in their first minutes, in a workspace of their own (issue 17): the first client,
 * the deal modal's facts edited in place, a rejected deal form, a renamed client, live filters, focus after
 * a modal, compact density.
 */
class FirstMinutesBrowserTest extends BrowserTest {

  Api api;
  Api.Account owner;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("First " + UUID.randomUUID().toString().substring(0, 6));
    api = anonymous.bearer(anonymous.tokenFor(owner));
    signIn(owner.email(), owner.password());
    // htmx reports an out-of-band swap without a target as an event: collect them.
    page.addInitScript("window.__oobErrors = 0; document.addEventListener('htmx:oobErrorNoTarget', "
        + "() => window.__oobErrors++);");
  }

  private void htmxSettled() {
    page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')");
  }

  private Locator button(Locator in, String name) {
    return in.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  private String aDeal(String name, String value) {
    String client = api.post("/api/clients", "{\"name\": \"Harbor Hospitality\"}").text("id");
    var r = api.post("/api/crm/deals", "{\"name\": \"" + name + "\", \"value\": \"" + value
        + "\", \"clientId\": \"" + client + "\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.text("id");
  }

  private String focused() {
    return (String) page.evaluate("() => { const e = document.activeElement; "
        + "return e ? (e.name || e.dataset.testid || e.getAttribute('aria-label') || e.textContent.trim()) : null; }");
  }

  @Test
  void theFirstClientAddedFromTheEmptyStateShowsAtOnce() {
    page.navigate("/clients");
    assertThat(page.getByText("No clients yet")).isVisible();
    page.evaluate("window.__sameDocument = true");
    var opener = button(page.locator("main"), "Add your first client");
    opener.click();
    var modal = page.getByTestId("quick-add");
    modal.getByLabel("Company name").fill("Bluebird Health");
    button(modal, "Add client").click();

    assertThat(page.locator("#client-rows tr.client-row")).hasCount(1);
    assertThat(page.locator("#client-rows")).containsText("Bluebird Health");
    assertThat(page.getByText("No clients yet")).hasCount(0);
    assertThat(page.locator(".toast")).containsText("Bluebird Health was added.");
    assertThat(modal).hasCount(0);
    assertThat(page.evaluate("window.__sameDocument")).isEqualTo(true);
    assertThat(page.evaluate("window.__oobErrors")).isEqualTo(0);

    // The second goes on top of the table, without a reload either.
    page.getByTestId("new-client").click();
    page.getByTestId("quick-add").getByLabel("Company name").fill("Acme Robotics");
    button(page.getByTestId("quick-add"), "Add client").click();
    assertThat(page.locator("#client-rows tr.client-row")).hasCount(2);
    assertThat(page.evaluate("window.__oobErrors")).isEqualTo(0);
  }

  @Test
  void aRejectedClientFormFocusesItsFirstInvalidFieldAndAClosedModalGivesFocusBack() {
    api.post("/api/clients", "{\"name\": \"Acme Robotics\"}");
    page.navigate("/clients");
    var opener = page.getByTestId("new-client");
    opener.focus();
    page.keyboard().press("Enter");
    var modal = page.getByTestId("quick-add");
    modal.getByLabel("Company name").fill("Quantum");
    modal.getByLabel("Contact e-mail").fill("not-an-address");
    button(modal, "Add client").click();
    assertThat(page.locator("[data-error-for=contactEmail]")).isVisible();
    assertThat(focused()).isEqualTo("contactEmail");

    page.keyboard().press("Escape");
    assertThat(modal).hasCount(0);
    assertThat(focused()).isEqualTo("new-client");
  }

  @Test
  void theDealModalUpdatesTheWeightedValueAndEscapeCancelsOnlyTheFieldBeingEdited() {
    String id = aDeal("Annual licence", "20000");
    page.navigate("/pipeline");
    var card = page.locator("#deal-" + id);
    card.locator(".deal-name").click();
    var panel = page.getByTestId("deal-panel");
    assertThat(panel).isVisible();
    var weighted = page.locator("#deal-weighted");
    String before = weighted.textContent();

    page.getByTestId("fact-probability").locator(".inline-edit").click();
    var probability = page.getByTestId("fact-probability").locator("input[name=probability]");
    probability.fill("50");
    probability.press("Enter");
    assertThat(page.getByTestId("fact-probability")).containsText("50%");
    assertThat(weighted).containsText("10,000");

    page.getByTestId("fact-value").locator(".inline-edit").click();
    var value = page.getByTestId("fact-value").locator("input[name=value]");
    value.fill("30000");
    value.press("Enter");
    assertThat(page.getByTestId("fact-value")).containsText("30,000");
    assertThat(weighted).containsText("15,000");
    assertThat(weighted.textContent()).isNotEqualTo(before);

    // Escape in a field being edited: that field goes back, the modal stays open, focus on its ✎ button.
    page.getByTestId("fact-value").locator(".inline-edit").click();
    value = page.getByTestId("fact-value").locator("input[name=value]");
    value.fill("99999");
    value.press("Escape");
    assertThat(page.getByTestId("fact-value").locator("input[name=value]")).hasCount(0);
    assertThat(page.getByTestId("fact-value")).containsText("30,000");
    assertThat(panel).isVisible();
    page.waitForFunction("() => document.activeElement && document.activeElement.classList.contains('inline-edit')");
    assertThat(focused()).isEqualTo("Edit value");

    // A second Escape closes the modal, and focus goes back to the card that opened it.
    page.keyboard().press("Escape");
    assertThat(panel).hasCount(0);
    page.waitForFunction("() => document.activeElement && document.activeElement.classList.contains('deal-name')");
  }

  @Test
  void theDealFormReportsEveryErrorAtOnceAndSoDoesTheApi() {
    page.navigate("/pipeline");
    page.getByTestId("new-deal").click();
    var form = page.locator("[role=dialog]:visible");
    form.getByLabel("Deal name").fill("Expansion");
    form.getByLabel("Value").fill("-5");
    form.getByLabel("Currency").fill("XYZ");
    form.getByLabel("Probability (%)").fill("150");
    button(form, "Add deal").click();
    assertThat(page.locator("[data-error-for=value]")).isVisible();
    assertThat(page.locator("[data-error-for=currency]")).isVisible();
    assertThat(page.locator("[data-error-for=probability]")).isVisible();
    assertThat(focused()).isEqualTo("value");

    var r = api.post("/api/crm/deals", "{\"name\": \"Expansion\", \"value\": -5, \"currency\": \"XYZ\", \"probability\": 150}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").findValuesAsString("field")).contains("value", "currency", "probability");
    String id = aDeal("Renewal", "1000");
    var version = api.get("/api/crm/deals/" + id).json().get("version").asInt();
    var put = api.put("/api/crm/deals/" + id, "{\"name\": \"Renewal\", \"value\": -5, \"currency\": \"XYZ\", "
        + "\"probability\": 150, \"version\": " + version + "}");
    assertThat(put.status()).isEqualTo(400);
    assertThat(put.json().get("errors").findValuesAsString("field")).contains("value", "currency", "probability");
  }

  @Test
  void aRenamedClientRenamesTheTabAndLongNamesStayInTheirCard() {
    String longName = "The Extraordinarily Long-Named International Consolidated Holdings Incorporated of "
        + "Massachusetts";
    String id = api.post("/api/clients", "{\"name\": \"Acme Robotics\", \"contactEmail\": "
        + "\"procurement.department.head.of.purchasing@extraordinarily-long-domain-name.example\"}").text("id");
    page.navigate("/clients/" + id);
    assertThat(page).hasTitle(Pattern.compile("^Acme Robotics · .*"));
    page.getByTestId("edit-client").click();
    page.locator("#client-card").getByLabel("Company name").fill(longName);
    button(page.locator("#client-card"), "Save").click();
    assertThat(page.locator("#client-name")).hasText(longName);
    assertThat(page).hasTitle(longName + " · Clients · Orbit CRM");

    for (int width : List.of(1440, 390)) {
      page.setViewportSize(width, 900);
      page.reload();
      assertThat(page.locator("#client-card")).isVisible();
      var overflow = page.evaluate("() => [...document.querySelectorAll('#client-card *')].some(e => "
          + "e.getBoundingClientRect().right > document.querySelector('#client-card').getBoundingClientRect().right + 1)");
      assertThat(overflow).as("something runs out of the details card at " + width + " px").isEqualTo(false);
    }
  }

  @Test
  void liveFilteringKeepsACleanAddressAndOffersToClearTheFilters() {
    api.post("/api/clients", "{\"name\": \"Acme Robotics\"}");
    api.post("/api/clients", "{\"name\": \"Bluebird Health\"}");
    page.navigate("/clients");
    assertThat(page.getByTestId("clear-filters")).isHidden();
    page.getByLabel("Search clients").pressSequentially("blue", new Locator.PressSequentiallyOptions().setDelay(30));
    assertThat(page.locator("#client-rows tr.client-row")).hasCount(1);
    assertThat(page).hasURL(Pattern.compile(".*/clients\\?search=blue$"));
    assertThat(page.getByTestId("clear-filters")).isVisible();
    page.getByTestId("clear-filters").click();
    assertThat(page).hasURL(Pattern.compile(".*/clients$"));
    assertThat(page.locator("#client-rows tr.client-row")).hasCount(2);

    page.navigate("/deals");
    page.getByLabel("Search deals").pressSequentially("x", new Locator.PressSequentiallyOptions().setDelay(30));
    htmxSettled();
    assertThat(page).hasURL(Pattern.compile(".*/deals\\?search=x$"));
    assertThat(page.locator("a[data-clear-filters]")).isVisible();
  }

  @Test
  void aStageChangeOnTheClientTimelineNamesTheDeal() {
    String id = aDeal("Annual licence", "20000");
    String client = api.get("/api/crm/deals/" + id).text("clientId");
    var moved = api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"qualified\"}");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    page.navigate("/clients/" + client);
    page.waitForCondition(() -> {
      page.reload();
      return page.locator(".feed-title", new Page.LocatorOptions().setHasText("Annual licence")).count() > 0;
    });
    assertThat(page.locator(".feed-title", new Page.LocatorOptions().setHasText("Annual licence")).first())
        .containsText("Qualified");
  }

  @Test
  void compactDensityIsRememberedForTheMember() {
    for (int i = 0; i < 30; i++) {
      api.post("/api/clients", "{\"name\": \"Client " + i + "\", \"contactName\": \"Person " + i + "\"}");
    }
    page.setViewportSize(1440, 900);
    page.navigate("/clients");
    double comfortable = ((Number) page.evaluate("() => document.querySelector('#client-rows tr.client-row')"
        + ".getBoundingClientRect().height")).doubleValue();
    page.getByTestId("user-menu").locator("summary").click();
    page.getByTestId("density-toggle").click();
    page.waitForURL("**/clients");
    assertThat(page.locator("body")).hasClass(Pattern.compile(".*density-compact.*"));
    page.navigate("/dashboard");
    page.navigate("/clients");
    assertThat(page.locator("body")).hasClass(Pattern.compile(".*density-compact.*"));
    double compact = ((Number) page.evaluate("() => document.querySelector('#client-rows tr.client-row')"
        + ".getBoundingClientRect().height")).doubleValue();
    assertThat(compact).isLessThan(comfortable * 0.75);
    int compactRows = rowsAboveTheFold();
    page.navigate("/settings/profile");
    page.getByTestId("density-card").getByLabel("Comfortable").check();
    page.getByTestId("density-card").getByRole(AriaRole.BUTTON).click();
    page.waitForURL("**/settings/profile");
    page.navigate("/clients");
    int comfortableRows = rowsAboveTheFold();
    System.out.printf("Client rows above the fold at 1440x900: comfortable %d, compact %d%n", comfortableRows, compactRows);
    assertThat(compactRows).isGreaterThanOrEqualTo(comfortableRows * 3 / 2);

    page.getByTestId("user-menu").locator("summary").click();
    page.getByTestId("density-toggle").click();
    page.waitForURL("**/clients");
    assertThat(page.locator("body")).hasClass(Pattern.compile(".*density-compact.*"));
  }

  private int rowsAboveTheFold() {
    return ((Number) page.evaluate("() => [...document.querySelectorAll('#client-rows tr.client-row')]"
        + ".filter(r => r.getBoundingClientRect().bottom <= window.innerHeight).length")).intValue();
  }
}
