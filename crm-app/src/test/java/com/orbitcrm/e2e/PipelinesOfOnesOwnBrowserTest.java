package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.orbitcrm.Api;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pipelines of one's own, as people use them: an admin shapes a second pipeline with a rule in Settings →
 * Pipelines, a member switches the board to it and drags a deal into the ruled stage, filling in what the
 * stage asks for.
 */
class PipelinesOfOnesOwnBrowserTest extends BrowserTest {

  Api api;
  Api.Account owner;
  String memberEmail;
  static final String MEMBER_PASSWORD = "member-password-1";

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Pipes " + UUID.randomUUID().toString().substring(0, 6));
    api = anonymous.bearer(anonymous.tokenFor(owner));
    memberEmail = "member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    var added = api.post("/api/members", """
        {"email": "%s", "name": "Mia Member", "role": "member", "password": "%s"}""".formatted(memberEmail, MEMBER_PASSWORD));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
  }

  private Locator column(String stage) {
    return page.locator(".column[data-stage=" + stage + "]");
  }

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

  private void save() {
    page.getByTestId("save-pipeline").click();
    page.waitForLoadState();
  }

  @Test
  void anAdminDefinesAPipelineWithARuleAndAMemberFillsItInOnTheWayIn() {
    // The admin: a second pipeline of four stages, one of which requires a value, a close date and a tier (a
    // select custom field, asked for with its options).
    assertThat(api.post("/api/crm/custom-fields", """
        {"entityType": "deal", "fieldLabel": "Tier", "fieldType": "select", "options": ["Gold", "Silver"]}""")
        .status()).isEqualTo(201);
    signIn(owner.email(), owner.password());
    page.navigate("/settings/pipelines");
    page.getByLabel("Name").fill("Partners");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create pipeline")).click();
    assertThat(page.locator("h1")).hasText("Partners");
    page.locator("#s-label-0").fill("Contacted");
    page.getByTestId("new-stage-label").fill("Proposal sent");
    page.locator("#s-prob-new").fill("60");
    save();
    var row = page.locator("tr[data-stage=proposal_sent]");
    assertThat(row).isVisible();
    row.locator("input[value=value]").check();
    row.locator("input[value=expectedCloseDate]").check();
    row.locator("input[value='cf.tier']").check();
    save();
    // It was added last: ↑ (the keyboard's way) puts it before Lost, a drag by its handle before Won, and saving
    // keeps that order.
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move Proposal sent up")).click();
    page.waitForLoadState();
    BoundingBox handle = page.locator("tr[data-stage=proposal_sent]").getByTestId("stage-handle").boundingBox();
    BoundingBox won = page.locator("tr[data-stage=won]").boundingBox();
    page.mouse().move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    page.mouse().down();
    page.mouse().move(handle.x + handle.width / 2, handle.y - 5, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
    page.mouse().move(handle.x + handle.width / 2, won.y + 4, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
    page.mouse().up();
    assertThat(page.locator("#stage-order-status")).hasText("Order changed: save the pipeline to keep it.");
    assertThat(page.locator("tr[data-stage]").nth(1)).hasAttribute("data-stage", "proposal_sent");
    save();
    assertThat(page.locator("tr[data-stage]").nth(1)).hasAttribute("data-stage", "proposal_sent");
    screenshot("60-pipeline-settings");
    page.setViewportSize(390, 844);
    // The stages table scrolls inside its card; the page itself does not scroll sideways.
    assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    screenshot("64-pipeline-settings-phone");
    page.setViewportSize(1360, 860);
    page.navigate("/settings/pipelines");
    assertThat(page.getByTestId("pipelines").locator("tr[data-pipeline]")).hasCount(2);
    screenshot("62-pipelines-list");

    var pipelines = api.get("/api/crm/pipelines").json();
    assertThat(pipelines.size()).isEqualTo(2);
    var seed = pipelines.get(0);
    assertThat(seed.get("isDefault").asBoolean()).isTrue();
    var seedKeys = new ArrayList<String>();
    seed.get("stages").forEach(s -> seedKeys.add(s.get("key").asString() + " " + s.get("probability").asInt()));
    assertThat(seedKeys).containsExactly("lead 10", "qualified 25", "proposal 50", "negotiation 75", "closed_won 100",
        "closed_lost 0");
    var partners = pipelines.get(1);
    var stages = new ArrayList<String>();
    partners.get("stages").forEach(s -> stages.add(s.get("label").asString() + "/" + s.get("kind").asString()
        + "/" + s.get("requiredFields").toString()));
    assertThat(stages).containsExactly("Contacted/open/[]",
        "Proposal sent/open/[\"value\",\"expectedCloseDate\",\"cf.tier\"]",
        "Won/won/[]", "Lost/lost/[]");
    String pid = partners.get("id").asString();
    String dealId = api.post("/api/crm/deals", "{\"name\": \"Reseller deal\", \"pipelineId\": \"" + pid + "\"}").text("id");
    // An API client that names no pipeline keeps the seed's behaviour.
    var plain = api.post("/api/crm/deals", "{\"name\": \"Plain deal\"}").json();
    assertThat(plain.get("stage").asString()).isEqualTo("lead");
    assertThat(plain.get("probability").asInt()).isEqualTo(10);

    // The member: switches the board to Partners (remembered) and drags the deal into the ruled stage.
    context.close();
    context = browser().newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
        .setViewportSize(1360, 860));
    context.setDefaultTimeout(10_000);
    page = context.newPage();
    signIn(memberEmail, MEMBER_PASSWORD);
    page.navigate("/pipeline");
    assertThat(column("lead")).isVisible();
    page.getByTestId("pipeline-switcher").selectOption(pid);
    page.waitForURL("**/pipeline");
    assertThat(page.locator("h1")).hasText("Partners");
    assertThat(column("proposal_sent")).isVisible();
    page.navigate("/pipeline");
    assertThat(page.locator("h1")).hasText("Partners");

    drag(column("new").locator(".deal-card").first(), column("proposal_sent").locator(".deal-list"));
    var prompt = page.getByTestId("entry-form");
    assertThat(prompt).isVisible();
    assertThat(prompt).containsText("Reseller deal");
    assertThat(prompt.getByLabel("Value")).isVisible();
    assertThat(prompt.getByLabel("Expected close date")).isVisible();
    assertThat(prompt.getByLabel("Contact e-mail")).hasCount(0);
    prompt.getByLabel("Value").fill("4800");
    prompt.getByLabel("Expected close date").fill("2027-03-31");
    prompt.getByLabel("Tier").selectOption("gold");
    screenshot("61-pipeline-entry-form");
    page.getByTestId("entry-submit").click();
    assertThat(prompt).hasCount(0);
    assertThat(column("proposal_sent").locator(".deal-card")).hasCount(1);
    assertThat(column("proposal_sent").getByTestId("column-count")).hasText("1");
    assertThat(column("proposal_sent").getByTestId("column-totals")).containsText("$4,800");
    var saved = api.get("/api/crm/deals/" + dealId).json();
    assertThat(saved.get("stage").asString()).isEqualTo("proposal_sent");
    assertThat(saved.get("value").asString()).isEqualTo("4800.00");
    assertThat(saved.get("expectedCloseDate").asString()).isEqualTo("2027-03-31");
    assertThat(saved.get("customFields").get("tier").asString()).isEqualTo("gold");
    assertThat(saved.get("probability").asInt()).isEqualTo(60);

    // The deal's modal shows its own pipeline's stages; losing it there asks the reason in place.
    page.locator(".deal-card .deal-name", new Page.LocatorOptions().setHasText("Reseller deal")).click();
    var bar = page.getByTestId("stage-bar");
    assertThat(bar).containsText("Proposal sent");
    assertThat(bar).not().containsText("Negotiation");
    bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lost")).click();
    var inline = page.getByTestId("lost-inline");
    assertThat(inline).isVisible();
    inline.getByLabel("Why was it lost?").fill("Chose a reseller nearer to them");
    inline.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as lost")).click();
    assertThat(inline).hasCount(0);
    var lost = api.get("/api/crm/deals/" + dealId).json();
    assertThat(lost.get("stage").asString()).isEqualTo("lost");
    assertThat(lost.get("lostReason").asString()).isEqualTo("Chose a reseller nearer to them");
    page.keyboard().press("Escape");
    page.setViewportSize(390, 844);
    page.navigate("/pipeline");
    assertThat(page.getByTestId("pipeline-switcher")).isVisible();
    screenshot("63-pipeline-phone");
  }
}
