package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.orbitcrm.Api;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Custom fields as an admin and a user meet them: Settings → Fields (add, reorder, at phone width), then the
 * quick-add that refuses a client without the required field, accepts one with it, and the client page that
 * shows the value. In a fresh workspace, so that the demo's forms stay as the other browser tests know them.
 */
class CustomFieldsBrowserTest extends BrowserTest {

  private void waitForHtmx() {
    page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')");
  }

  private Locator fieldRows() {
    return page.locator("[data-testid=fields] tr[data-field]");
  }

  @Test
  void anAdminAddsARequiredSelectAndTheQuickAddHoldsToIt() {
    var account = new Api(port).signUp("Fields " + UUID.randomUUID().toString().substring(0, 6));
    signIn(account.email(), account.password());

    page.navigate("/settings/fields?type=client");
    var form = page.getByTestId("field-form");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add field")).click();
    assertThat(page.locator("[data-error-for=fieldLabel]")).containsText("required");

    form = page.getByTestId("field-form");
    form.getByLabel("Label").fill("Seats");
    form.getByLabel("Type").selectOption("number");
    form.getByLabel("Section").fill("Account");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add field")).click();
    assertThat(page.locator(".flash")).containsText("Seats was added");

    form = page.getByTestId("field-form");
    form.getByLabel("Label").fill("Tier");
    form.getByLabel("Type").selectOption("select");
    form.getByLabel("Options (select and multiselect)").fill("Gold | yellow\nSilver | gray\nBronze | orange");
    // the live preview draws the input as record forms will
    var preview = page.getByTestId("field-preview");
    assertThat(preview.locator("select option")).hasCount(4);
    assertThat(preview.getByLabel("Tier")).isVisible();
    form.getByLabel("Section").fill("Account");
    form.getByLabel("Required").check();
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add field")).click();
    assertThat(page.locator(".flash")).containsText("Tier was added");
    assertThat(fieldRows()).hasCount(2);
    assertThat(fieldRows().nth(1)).containsText("Tier");
    assertThat(fieldRows().nth(1)).containsText("required");
    assertThat(fieldRows().nth(1).locator(".opt-yellow")).hasText("Gold");

    // reorder with the keyboard-reachable buttons: Tier up, before Seats
    page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Move Tier up")).focus();
    page.keyboard().press("Enter");
    assertThat(fieldRows().first()).containsText("Tier");
    assertThat(fieldRows().nth(1)).containsText("Seats");
    screenshot("80-settings-fields");

    // and by drag and drop (by the handle): Seats back above Tier, saved
    var handle = fieldRows().nth(1).locator(".drag-handle");
    var target = fieldRows().first();
    handle.scrollIntoViewIfNeeded();
    var from = handle.boundingBox();
    var to = target.boundingBox();
    page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
    page.mouse().down();
    page.mouse().move(from.x + from.width / 2, from.y - 5, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
    page.mouse().move(from.x + from.width / 2, to.y + 4, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
    // the drop saves the order, then the page reloads with it (waited for: a reload of our own would race it)
    page.waitForNavigation(() -> page.mouse().up());
    assertThat(fieldRows().first()).containsText("Seats");
    assertThat(fieldRows().nth(1)).containsText("Tier");

    // phone width: nothing wider than the screen
    page.setViewportSize(390, 844);
    page.reload();
    assertThat(page.evaluate("document.documentElement.scrollWidth <= 392")).isEqualTo(true);
    screenshot("81-settings-fields-390");
    page.setViewportSize(1360, 860);

    // the quick-add refuses a client without a tier
    page.navigate("/clients");
    page.getByTestId("new-client").click();
    var modal = page.getByTestId("quick-add");
    assertThat(modal).isVisible();
    waitForHtmx();
    assertThat(modal.locator("[data-custom-field=seats]")).hasCount(0);
    modal.getByLabel("Company name").fill("Tiered Co");
    modal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add client")).click();
    assertThat(page.locator("[data-error-for='cf.tier']")).containsText("required");
    assertThat(page.locator("#cf-tier")).hasAttribute("aria-invalid", "true");
    screenshot("82-quick-add-required-field");

    page.getByTestId("quick-add").getByLabel("Tier").selectOption("gold");
    page.getByTestId("quick-add").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add client")).click();
    assertThat(page.getByTestId("quick-add")).hasCount(0);
    assertThat(page.locator(".toast")).containsText("Tiered Co was added");
    page.navigate("/clients");
    var added = page.locator("#client-rows tr.client-row").first();
    assertThat(added).containsText("Tiered Co");

    // the value shows on the client page, and is edited in place
    added.getByRole(AriaRole.LINK).first().click();
    page.waitForURL("**/clients/*");
    assertThat(page.getByTestId("custom-values")).containsText("Tier");
    assertThat(page.getByTestId("custom-values").locator(".opt-yellow")).hasText("Gold");
    screenshot("83-client-custom-values");
    page.getByTestId("edit-client").click();
    var edit = page.getByTestId("client-form");
    waitForHtmx();
    edit.getByLabel("Seats").fill("twelve");
    edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
    assertThat(page.locator("[data-error-for='cf.seats']")).containsText("number");
    page.getByTestId("client-form").getByLabel("Seats").fill("12.50");
    page.getByTestId("client-form").getByLabel("Tier").selectOption("silver");
    page.getByTestId("client-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
    assertThat(page.locator(".saved-note")).isVisible();
    assertThat(page.getByTestId("custom-values")).containsText("12.5");
    assertThat(page.getByTestId("custom-values").locator(".opt-gray")).hasText("Silver");

    // the list: custom-field columns chosen in "Columns" (remembered), filtered through the list's filter UI
    var api = new Api(port);
    api = api.bearer(api.tokenFor(account));
    assertThat(api.post("/api/clients", """
        {"name": "Golden Co", "customFields": {"tier": "gold", "seats": 3}}""").status()).isEqualTo(201);
    page.navigate("/clients");
    var rows = page.locator("#client-rows tr.client-row");
    assertThat(rows).hasCount(2);
    var columns = page.getByTestId("columns-menu");
    columns.locator("summary").click();
    columns.getByLabel("Tier").check();
    assertThat(page.locator("th[data-column=tier]")).isVisible();
    waitForHtmx();
    columns.getByLabel("Seats").check();
    assertThat(page.locator("th[data-column=seats]")).isVisible();
    assertThat(page.locator("tr[data-client='Tiered Co'] .opt-gray")).hasText("Silver");
    assertThat(page.locator("tr[data-client='Golden Co'] .opt-yellow")).hasText("Gold");
    columns.locator("summary").click();

    // sorted by a custom-field column's header
    page.locator("th[data-column=seats] a").click();
    page.waitForURL("**sort=cf.seats**");
    assertThat(rows.first()).containsText("Golden Co");
    assertThat(page.locator("th[data-column=seats]")).hasAttribute("aria-sort", "ascending");

    var filters = page.getByTestId("field-filters");
    filters.locator("summary").click();
    filters.getByLabel("Tier").selectOption("silver");
    page.waitForURL("**cf.tier=silver**");
    assertThat(page).hasURL(java.util.regex.Pattern.compile("sort=cf\\.seats"));
    assertThat(page.locator("th[data-column=seats]")).hasAttribute("aria-sort", "ascending");
    assertThat(rows).hasCount(1);
    assertThat(rows.first()).containsText("Tiered Co");
    screenshot("85-clients-custom-columns-and-filter");
    waitForHtmx();
    filters.getByLabel("Seats from").fill("20");
    assertThat(page.locator("#client-rows .empty-row")).isVisible();
    assertThat(rows).hasCount(0);

    // the columns are remembered for this user; the filters live in the URL
    page.navigate("/clients?cf.tier=gold");
    assertThat(page.locator("th[data-column=tier]")).isVisible();
    assertThat(rows).hasCount(1);
    assertThat(rows.first()).containsText("Golden Co");
    assertThat(page.getByTestId("field-filters").getByLabel("Tier")).hasValue("gold");

    // phone width: the list's tools fit
    page.setViewportSize(390, 844);
    page.reload();
    assertThat(page.evaluate("document.documentElement.scrollWidth <= 392")).isEqualTo(true);
    screenshot("86-clients-custom-filters-390");
    page.setViewportSize(1360, 860);
  }

  @Test
  void theDealFormShowsTheFieldsByTypeAndTheModalTheirValues() {
    var anonymous = new Api(port);
    var account = anonymous.signUp("Deal fields " + UUID.randomUUID().toString().substring(0, 6));
    var api = anonymous.bearer(anonymous.tokenFor(account));
    assertThat(api.post("/api/crm/custom-fields", """
        {"entityType": "deal", "fieldLabel": "Products", "fieldType": "multiselect", "section": "Scope",
         "options": [{"label": "CRM", "color": "blue"}, {"label": "Mail", "color": "green"}]}""").status()).isEqualTo(201);
    assertThat(api.post("/api/crm/custom-fields", """
        {"entityType": "deal", "fieldLabel": "Go-live", "fieldType": "date", "section": "Scope"}""").status())
        .isEqualTo(201);
    assertThat(api.post("/api/crm/custom-fields", """
        {"entityType": "deal", "fieldLabel": "Budget approved", "fieldType": "boolean"}""").status()).isEqualTo(201);
    signIn(account.email(), account.password());

    page.navigate("/pipeline");
    page.getByTestId("new-deal").click();
    var form = page.getByTestId("deal-form");
    assertThat(form).isVisible();
    waitForHtmx();
    assertThat(form.locator("#cf-go_live")).hasAttribute("type", "date");
    form.getByLabel("Deal name").fill("Rollout");
    form.getByLabel("Go-live").fill("2027-02-01");
    form.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("CRM")).check();
    form.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Mail").setExact(true)).check();
    form.getByLabel("Budget approved").check();
    screenshot("84-deal-form-custom-fields");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add deal")).click();
    assertThat(page.getByTestId("deal-form")).hasCount(0);

    var deal = api.get("/api/crm/deals").json().get(0);
    assertThat(deal.get("customFields").get("products")).hasSize(2);
    assertThat(deal.get("customFields").get("go_live").asString()).isEqualTo("2027-02-01");
    assertThat(deal.get("customFields").get("budget_approved").asBoolean()).isTrue();
    page.navigate("/deals/" + deal.get("id").asString());
    var values = page.getByTestId("deal-panel").getByTestId("custom-values");
    assertThat(values.locator(".opt-blue")).hasText("CRM");
    assertThat(values.locator(".opt-green")).hasText("Mail");
    assertThat(values).containsText("Yes");

    // the board filters by a select-type field, and the column totals follow the filter
    assertThat(api.post("/api/crm/deals", """
        {"name": "Other deal", "value": 1000, "customFields": {"products": ["crm"]}}""").status()).isEqualTo(201);
    page.navigate("/pipeline");
    var lead = page.locator(".column[data-stage=lead]");
    assertThat(lead.getByTestId("column-count")).hasText("2");
    page.locator("select[data-filter-field=products]").selectOption("mail");
    page.waitForURL("**cf.products=mail**");
    assertThat(lead.getByTestId("column-count")).hasText("1");
    assertThat(lead.locator(".deal-card")).hasCount(1);
    assertThat(lead.locator(".deal-card")).containsText("Rollout");
    assertThat(lead.getByTestId("column-totals")).not().containsText("$1,000");
    page.reload();
    assertThat(page.locator("select[data-filter-field=products]")).hasValue("mail");
    assertThat(lead.getByTestId("column-count")).hasText("1");
  }
}
