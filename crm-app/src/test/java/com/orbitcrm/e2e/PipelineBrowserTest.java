package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.orbitcrm.Api;
import com.orbitcrm.demo.DemoAccounts;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline board, the deal modal and the client page's Deals section, as a person uses them, in a
 * workspace of their own (so that moves here never disturb other tests).
 */
class PipelineBrowserTest extends BrowserTest {

  Api api;
  Api.Account owner;
  String clientId;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Board " + UUID.randomUUID().toString().substring(0, 6));
    api = anonymous.bearer(anonymous.tokenFor(owner));
    clientId = api.post("/api/clients", "{\"name\": \"Acme Robotics\"}").text("id");
  }

  private String deal(String name, String value, String stage) {
    var created = api.post("/api/crm/deals", """
        {"name": "%s", "value": "%s", "clientId": "%s", "ownerId": "%s", "expectedCloseDate": "2020-01-31"}"""
        .formatted(name, value, clientId, owner.userId()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("id");
    if (!stage.equals("lead")) {
      assertThat(api.patch("/api/crm/deals/" + id + "/stage", "{\"stage\": \"" + stage + "\"}").status()).isEqualTo(200);
    }
    return id;
  }

  private Locator column(String stage) {
    return page.locator(".column[data-stage=" + stage + "]");
  }

  private Locator card(String name) {
    return page.locator(".deal-card", new com.microsoft.playwright.Page.LocatorOptions().setHasText(name));
  }

  /** Drags with the mouse the way a person does: press, move in steps, release over the target. */
  private void drag(Locator card, Locator target) {
    card.scrollIntoViewIfNeeded();
    BoundingBox from = card.boundingBox();
    BoundingBox to = target.boundingBox();
    page.mouse().move(from.x + from.width / 2, from.y + 12);
    page.mouse().down();
    page.mouse().move(from.x + from.width / 2 + 10, from.y + 20, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
    page.mouse().move(to.x + to.width / 2, to.y + to.height - 12, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
    page.mouse().up();
  }

  private void openBoard() {
    signIn(owner.email(), owner.password());
    page.navigate("/pipeline");
    assertThat(page.getByTestId("board")).isVisible();
  }

  @Test
  void aDraggedCardStaysWhereItWasDroppedAndTheTotalsFollow() {
    String first = deal("Warehouse robots", "1000", "lead");
    deal("Spare parts", "2000", "lead");
    deal("Service plan", "5000", "qualified");
    openBoard();
    assertThat(column("lead").getByTestId("column-count")).hasText("2");
    assertThat(column("lead").getByTestId("column-totals")).containsText("$3,000");
    assertThat(column("qualified").getByTestId("column-count")).hasText("1");
    page.evaluate("window.__sameDocument = true");

    drag(card("Warehouse robots"), column("qualified").locator(".deal-list"));

    assertThat(column("qualified").locator(".deal-card")).hasCount(2);
    assertThat(column("qualified").getByTestId("column-count")).hasText("2");
    assertThat(column("qualified").getByTestId("column-totals")).containsText("$6,000");
    assertThat(column("lead").getByTestId("column-count")).hasText("1");
    assertThat(column("lead").getByTestId("column-totals")).containsText("$2,000");
    assertThat(page.locator(".toast").last()).containsText("moved to Qualified");
    assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);
    screenshot("30-pipeline-after-drag");

    page.reload();
    assertThat(column("qualified").locator(".deal-card").last()).containsText("Warehouse robots");
    var saved = api.get("/api/crm/deals/" + first).json();
    assertThat(saved.get("stage").asString()).isEqualTo("qualified");
    assertThat(saved.get("probability").asInt()).isEqualTo(25);
  }

  @Test
  void droppingOnClosedLostAsksWhyAndCancelPutsTheCardBack() {
    String id = deal("Fleet tablets", "8000", "proposal");
    deal("Kiosk rollout", "3000", "proposal");
    openBoard();

    drag(card("Fleet tablets"), column("closed_lost").locator(".deal-list"));
    var prompt = page.getByTestId("lost-form");
    assertThat(prompt).isVisible();
    assertThat(prompt).containsText("Fleet tablets");
    screenshot("31-pipeline-lost-reason");
    prompt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
    assertThat(prompt).hasCount(0);
    assertThat(column("proposal").locator(".deal-card").first()).containsText("Fleet tablets");
    assertThat(column("closed_lost").locator(".deal-card")).hasCount(0);
    assertThat(api.get("/api/crm/deals/" + id).json().get("stage").asString()).isEqualTo("proposal");

    drag(card("Fleet tablets"), column("closed_lost").locator(".deal-list"));
    prompt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as lost")).click();
    assertThat(prompt.locator("[data-lost-error]")).isVisible();   // a reason is required
    prompt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Competitor")).click();
    prompt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as lost")).click();
    assertThat(column("closed_lost").locator(".deal-card")).hasCount(1);
    assertThat(column("closed_lost").getByTestId("column-count")).hasText("1");
    var lost = api.get("/api/crm/deals/" + id).json();
    assertThat(lost.get("stage").asString()).isEqualTo("closed_lost");
    assertThat(lost.get("lostReason").asString()).isEqualTo("Went with a competitor");
    assertThat(lost.get("probability").asInt()).isZero();
  }

  @Test
  void everyMoveWorksFromTheKeyboard() {
    String id = deal("Conveyor upgrade", "4000", "lead");
    deal("Second line", "1500", "lead");
    openBoard();
    var menu = card("Conveyor upgrade").getByTestId("card-menu");
    menu.focus();
    page.keyboard().press("Enter");
    var items = page.locator("#card-menu");
    assertThat(items).isVisible();
    assertThat(items.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Open"))).isFocused();
    assertThat(items.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Lead"))).isHidden();
    screenshot("32-pipeline-move-menu");
    // Down the menu with the arrow keys: Open, Edit, Move up, Move down, Qualified, Proposal.
    for (int i = 0; i < 5; i++) {
      page.keyboard().press("ArrowDown");
    }
    assertThat(items.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Proposal"))).isFocused();
    page.keyboard().press("Enter");

    assertThat(column("proposal").locator(".deal-card")).hasCount(1);
    assertThat(column("proposal").getByTestId("column-count")).hasText("1");
    assertThat(column("proposal").getByTestId("column-totals")).containsText("$4,000");
    assertThat(column("lead").getByTestId("column-count")).hasText("1");
    // Focus stays on the moved card, so the next move is one key away.
    assertThat(card("Conveyor upgrade").getByTestId("card-menu")).isFocused();
    assertThat(api.get("/api/crm/deals/" + id).json().get("stage").asString()).isEqualTo("proposal");

    // Within a column: "Move down" puts it below its neighbour, and that survives a reload.
    deal("Third line", "700", "proposal");
    page.reload();
    assertThat(column("proposal").locator(".deal-card").first()).containsText("Conveyor upgrade");
    card("Conveyor upgrade").getByTestId("card-menu").focus();
    page.keyboard().press("Enter");
    page.locator("#card-menu").getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Move down")).focus();
    page.keyboard().press("Enter");
    assertThat(column("proposal").locator(".deal-card").last()).containsText("Conveyor upgrade");
    // The card moves at once; reload only once the server has saved the move (the saved card comes back).
    assertThat(card("Conveyor upgrade")).hasClass(java.util.regex.Pattern.compile("just-moved"));
    page.reload();
    assertThat(column("proposal").locator(".deal-card").last()).containsText("Conveyor upgrade");
  }

  @Test
  void theDealModalMovesStagesAndEditsInPlace() {
    String id = deal("Robot arms", "12000", "lead");
    openBoard();
    card("Robot arms").locator(".deal-name").click();
    var panel = page.getByTestId("deal-panel");
    assertThat(panel).isVisible();
    assertThat(panel.getByTestId("deal-client")).hasText("Acme Robotics");
    assertThat(panel.getByTestId("fact-expectedCloseDate")).containsText("overdue");

    panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Negotiation")).click();
    assertThat(panel.locator(".stage-bar li.current")).hasText("Negotiation");
    assertThat(panel.getByTestId("fact-probability")).containsText("75%");
    assertThat(column("negotiation").locator(".deal-card")).hasCount(1);     // the board behind follows

    panel.getByTestId("fact-value").getByRole(AriaRole.BUTTON).click();
    var input = panel.getByTestId("fact-value").locator("input[name=value]");
    input.fill("lots");
    input.press("Enter");
    assertThat(panel.getByTestId("fact-value")).containsText("amount");
    input.fill("15250.50");
    input.press("Enter");
    assertThat(panel.getByTestId("fact-value")).containsText("$15,250.50");
    assertThat(column("negotiation").getByTestId("column-totals")).containsText("$15.3K");

    panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Closed Lost")).click();
    var inline = panel.getByTestId("lost-inline");
    assertThat(inline).isVisible();
    inline.locator("textarea").fill("Budget frozen until next year");
    inline.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as lost")).click();
    assertThat(panel.getByTestId("lost-reason")).hasText("Budget frozen until next year");
    screenshot("33-deal-modal");
    var saved = api.get("/api/crm/deals/" + id).json();
    assertThat(saved.get("value").asString()).isEqualTo("15250.50");
    assertThat(saved.get("stage").asString()).isEqualTo("closed_lost");
  }

  @Test
  void aLongColumnLoadsMoreAsYouScroll() {
    for (int i = 1; i <= 45; i++) {
      deal("Bulk deal %02d".formatted(i), "100", "lead");
    }
    openBoard();
    var cards = column("lead").locator(".deal-card");
    assertThat(cards).hasCount(12);
    assertThat(column("lead").getByTestId("column-count")).hasText("45");
    for (int shown : new int[] {24, 36, 45}) {
      column("lead").locator(".column-more").scrollIntoViewIfNeeded();
      assertThat(cards).hasCount(shown);
    }
    assertThat(cards.last()).containsText("Bulk deal 45");
    assertThat(column("lead").locator(".column-more")).hasCount(0);
  }

  @Test
  void filtersNarrowTheBoardAndItsTotals() {
    deal("Solar panels", "9000", "lead");
    deal("Wind turbines", "1000", "lead");
    openBoard();
    page.getByTestId("board-search").fill("solar");
    assertThat(column("lead").locator(".deal-card")).hasCount(1);
    assertThat(column("lead").getByTestId("column-totals")).containsText("$9,000");
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*search=solar.*"));
  }

  @Test
  void theClientPageListsItsDealsAndAddsOne() {
    deal("Existing deal", "2500", "proposal");
    signIn(owner.email(), owner.password());
    page.navigate("/clients/" + clientId);
    var section = page.getByTestId("client-deals");
    assertThat(section.getByTestId("client-deal-row")).hasCount(1);
    assertThat(section).containsText("Proposal");
    assertThat(section).containsText("$2,500");

    section.getByTestId("add-client-deal").click();
    var form = page.getByTestId("deal-form");
    assertThat(form.getByTestId("client-select")).hasValue(clientId);
    form.getByLabel("Value").fill("-5");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add deal")).click();
    assertThat(page.locator("[data-error-for=name]")).containsText("required");
    assertThat(page.locator("[data-error-for=value]")).isVisible();
    form.getByLabel("Deal name").fill("Maintenance contract");
    form.getByLabel("Value").fill("18000");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add deal")).click();
    assertThat(page.getByTestId("deal-form")).hasCount(0);
    assertThat(section.getByTestId("client-deal-row")).hasCount(2);
    assertThat(section).containsText("Maintenance contract");
    screenshot("34-client-deals");
    var list = api.get("/api/crm/deals?clientId=" + clientId).json();
    assertThat(list.size()).isEqualTo(2);
  }

  @Test
  void aViewerSeesTheBoardButCannotMoveAnything() {
    signIn(DemoAccounts.VIEWER_EMAIL, DemoAccounts.VIEWER_PASSWORD);
    page.navigate("/pipeline");
    assertThat(page.locator(".deal-card").first()).isVisible();
    assertThat(page.getByTestId("board")).hasAttribute("data-can-write", "false");
    assertThat(page.getByTestId("card-menu")).hasCount(0);
    assertThat(page.getByTestId("new-deal")).hasCount(0);
    screenshot("35-pipeline-viewer");
  }

  @Test
  void anotherWorkspacesDealIsNotFoundAndAViewerCannotForgeAMove() {
    var demo = new Api(port).basic(DemoAccounts.OWNER_EMAIL, DemoAccounts.OWNER_PASSWORD);
    var demoDeal = demo.get("/api/crm/deals?stage=lead&limit=1").json().get(0);
    String demoId = demoDeal.get("id").asString();

    signIn(owner.email(), owner.password());
    assertThat(page.navigate("/deals/" + demoId).status()).isEqualTo(404);
    assertThat(page.locator("body")).not().containsText(demoDeal.get("name").asString());
    context.clearCookies();

    signIn(DemoAccounts.VIEWER_EMAIL, DemoAccounts.VIEWER_PASSWORD);
    page.navigate("/pipeline");
    Object status = page.evaluate("""
        ([id, token]) => fetch('/pipeline/deals/' + id + '/move', {method: 'POST',
          headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-TOKEN': token},
          body: 'stage=negotiation'}).then(r => r.status)""", java.util.List.of(demoId, csrfToken()));
    assertThat(status).isEqualTo(403);
    assertThat(demo.get("/api/crm/deals/" + demoId).json().get("stage").asString()).isEqualTo("lead");
  }

  @Test
  void aDeletedDealCanBeUndoneOrRestoredFromTheTrash() {
    deal("Old fleet deal", "4000", "qualified");
    openBoard();
    card("Old fleet deal").getByTestId("card-menu").click();
    page.locator("#card-menu").getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Delete")).click();
    assertThat(card("Old fleet deal")).hasCount(0);
    assertThat(column("qualified").getByTestId("column-count")).hasText("0");
    page.getByTestId("undo-delete").click();
    assertThat(card("Old fleet deal")).hasCount(1);

    card("Old fleet deal").getByTestId("card-menu").click();
    page.locator("#card-menu").getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Delete")).click();
    assertThat(card("Old fleet deal")).hasCount(0);
    page.getByTestId("deal-trash").click();
    var row = page.locator("[data-deal='Old fleet deal']");
    assertThat(row).containsText("Qualified");
    assertThat(row).containsText("30 days");
    screenshot("36-pipeline-trash");
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Restore")).click();
    assertThat(page.locator(".flash")).containsText("was restored");
    assertThat(column("qualified").locator(".deal-card")).containsText(new String[] {"Old fleet deal"});
  }
}
