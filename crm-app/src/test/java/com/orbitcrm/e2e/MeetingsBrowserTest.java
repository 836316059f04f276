package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.orbitcrm.Api;
import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingDraft;
import com.orbitcrm.meetings.MeetingStatus;
import com.orbitcrm.meetings.app.MeetingLinks;
import com.orbitcrm.meetings.app.MeetingService;
import com.orbitcrm.meetings.app.RsvpLinks;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The meetings screens as a person uses them, in a workspace of their own: scheduling from a client page,
 * moving a meeting on the week calendar with the mouse and with the keyboard, answering an invitation through
 * its link without an account, and the calendar on a phone.
 */
class MeetingsBrowserTest extends BrowserTest {

  @Autowired MeetingService meetings;
  @Autowired RsvpLinks rsvpLinks;
  @Autowired com.orbitcrm.meetings.app.MeetingReminders reminders;

  /** Meetings per agenda page (CalendarModels.AGENDA_PAGE). */
  static final int CALENDAR_AGENDA_PAGE = 40;

  Api api;
  Api.Account owner;
  String clientId;
  /** A Wednesday at least a day ahead, so that everything here is upcoming. */
  LocalDate wednesday;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Meetings " + UUID.randomUUID().toString().substring(0, 6));
    api = anonymous.bearer(anonymous.tokenFor(owner));
    clientId = api.post("/api/clients", """
        {"name": "Harbor Hospitality", "contactName": "Greta Marsh", "contactEmail": "greta@harbor.example"}""")
        .text("id");
    wednesday = LocalDate.now(ZoneOffset.UTC).plusDays(7).with(DayOfWeek.WEDNESDAY);
  }

  private <T> T asOwner(Supplier<T> work) {
    var scope = new TenantContext.Scope(new TenantId(UUID.fromString(owner.tenantId())),
        new UserId(UUID.fromString(owner.userId())), Role.OWNER);
    return TenantContext.callAs(scope, work);
  }

  /** A meeting of the owner's, in UTC (the new workspace's zone), about the client. */
  private Meeting schedule(String title, LocalDate day, String start, int minutes, String... guests) {
    LocalDateTime at = day.atTime(java.time.LocalTime.parse(start));
    var draft = MeetingDraft.blank().withTitle(title)
        .withTimes(at.toString(), at.plusMinutes(minutes).toString()).withTimezone("UTC")
        .withAttendees(java.util.Arrays.stream(guests).map(g -> new MeetingDraft.AttendeeDraft(g, null, null)).toList());
    return asOwner(() -> meetings.schedule(draft, new MeetingLinks(null, "client", clientId, null)));
  }

  private Meeting reload(Meeting m) {
    return asOwner(() -> meetings.get(m.id()));
  }

  /** What the screen shows now (a modal over the page), as target/screenshots/{name}.png. */
  private void shot(String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
  }

  private Locator button(Locator in, String name) {
    return in.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  private Locator block(String title) {
    return page.locator(".cal-block", new Page.LocatorOptions().setHasText(title));
  }

  /** Waits until htmx has no request in flight and nothing swapping or settling. */
  private void htmxSettled() {
    page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')");
  }

  private void week(LocalDate day) {
    page.navigate("/meetings?view=week&date=" + day);
    assertThat(page.getByTestId("calendar")).isVisible();
  }

  @Test
  void aMeetingScheduledFromTheClientPageShowsInItsSectionAndOnTheCalendar() {
    signIn(owner.email(), owner.password());
    page.navigate("/clients/" + clientId);
    var section = page.getByTestId("meetings-section");
    assertThat(section).containsText("No meetings yet");
    page.evaluate("window.__sameDocument = true");
    section.getByTestId("section-schedule-meeting").click();

    var form = page.getByTestId("meeting-form");
    assertThat(form).isVisible();
    htmxSettled();
    // Prefilled: the client it is about, and its contact as a guest.
    assertThat(form.getByTestId("about-select")).hasValue("client:" + clientId);
    assertThat(form.getByLabel("Other people")).hasValue("Greta Marsh <greta@harbor.example>");
    assertThat(form.getByLabel("Time zone")).hasValue("UTC");

    // Errors are shown at their fields.
    form.getByLabel("Other people").fill("Greta Marsh <greta@harbor.example>, not-an-address");
    form.getByTestId("meeting-save").click();
    assertThat(form.locator("[data-error-for=title]")).isVisible();
    assertThat(form.locator("[data-error-for=guests]")).containsText("not-an-address");

    form.getByLabel("Title").fill("Kiosk walkthrough");
    form.getByLabel("Date").fill(wednesday.toString());
    form.getByLabel("Start time").fill("10:30");
    form.getByLabel("Duration").selectOption("60");
    form.getByLabel("Other people").fill("Greta Marsh <greta@harbor.example>");
    form.getByLabel("Meeting link").fill("https://meet.example.com/kiosk");
    form.getByLabel("Reminder").selectOption("30");
    shot("60-meeting-form");
    form.getByTestId("meeting-save").click();

    assertThat(page.getByTestId("meeting-form")).hasCount(0);
    var row = section.getByTestId("section-meeting");
    assertThat(row).hasCount(1);
    assertThat(row).containsText("Kiosk walkthrough");
    assertThat(row).containsText("10:30–11:30");
    assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);
    screenshot("61-client-meetings-section");

    week(wednesday);
    var onCalendar = block("Kiosk walkthrough");
    assertThat(onCalendar).isVisible();
    assertThat(onCalendar).containsText("10:30–11:30");
    assertThat(onCalendar).containsText("Harbor Hospitality");
    assertThat(onCalendar).hasAttribute("data-day", wednesday.toString());
    onCalendar.click();
    var panel = page.getByTestId("meeting-panel");
    assertThat(panel.getByTestId("meeting-people")).containsText("greta@harbor.example");
    assertThat(panel.getByTestId("rsvp")).hasText("Awaiting reply");
    assertThat(panel.getByTestId("meeting-url")).hasText("https://meet.example.com/kiosk");
    shot("62-meeting-detail");
  }

  @Test
  void aMeetingDraggedWithTheMouseMovesToTheSlotItIsDroppedOn() {
    Meeting m = schedule("Menu tasting", wednesday, "10:00", 60);
    schedule("Overlapping call", wednesday, "10:30", 30);
    signIn(owner.email(), owner.password());
    week(wednesday);
    var source = block("Menu tasting");
    assertThat(source).isVisible();
    // Overlapping meetings sit side by side.
    assertThat(source).hasAttribute("style", java.util.regex.Pattern.compile("--lanes:2"));
    screenshot("63-week-before-drag");

    // Thursday 14:15: the column's top plus 14¼ hours.
    LocalDate thursday = wednesday.plusDays(1);
    var target = page.locator(".cal-col[data-day=\"" + thursday + "\"]");
    BoundingBox from = source.boundingBox();
    BoundingBox column = target.boundingBox();
    double perMinute = page.locator(".cal-body").boundingBox().height / (24 * 60);
    double grab = 8;
    page.mouse().move(from.x + from.width / 2, from.y + grab);
    page.mouse().down();
    page.mouse().move(from.x + from.width / 2 + 6, from.y + grab + 6, new Mouse.MoveOptions().setSteps(3));
    page.mouse().move(column.x + column.width / 2, column.y + (14 * 60 + 15) * perMinute + grab,
        new Mouse.MoveOptions().setSteps(15));
    assertThat(page.locator(".cal-drop")).hasText("14:15–15:15");
    page.mouse().up();

    var moved = page.locator(".cal-col[data-day=\"" + thursday + "\"] .cal-block",
        new Page.LocatorOptions().setHasText("Menu tasting"));
    assertThat(moved).containsText("14:15–15:15");
    assertThat(moved).containsText("Rescheduled");
    assertThat(moved).hasAttribute("data-status", "rescheduled");
    Meeting after = reload(m);
    assertThat(after.details().start()).isEqualTo(thursday.atTime(14, 15).toInstant(ZoneOffset.UTC));
    assertThat(after.details().end()).isEqualTo(thursday.atTime(15, 15).toInstant(ZoneOffset.UTC));
    assertThat(after.status()).isEqualTo(MeetingStatus.RESCHEDULED);
    screenshot("64-week-after-drag");
  }

  @Test
  void aStaleMoveIsRefusedWithAMessageAndTheCalendarReloads() {
    Meeting m = schedule("Contract review", wednesday, "09:00", 30);
    signIn(owner.email(), owner.password());
    week(wednesday);
    assertThat(block("Contract review")).isVisible();
    // Someone else moves it meanwhile.
    asOwner(() -> meetings.move(m.id(), wednesday.atTime(16, 0).toInstant(ZoneOffset.UTC),
        wednesday.atTime(16, 30).toInstant(ZoneOffset.UTC), null));
    block("Contract review").focus();
    page.keyboard().press("Alt+ArrowDown");
    assertThat(page.locator(".toast").last()).containsText("changed by someone else");
    assertThat(block("Contract review")).containsText("16:00–16:30");
  }

  @Test
  void theKeyboardOpensAMeetingReschedulesItAndMovesItByAQuarterOfAnHour() {
    Meeting m = schedule("Staff training", wednesday, "11:00", 45);
    signIn(owner.email(), owner.password());
    week(wednesday);
    block("Staff training").focus();
    page.keyboard().press("Enter");
    var panel = page.getByTestId("meeting-panel");
    assertThat(panel).isVisible();
    assertThat(panel.getByTestId("meeting-status")).hasText("Scheduled");

    // The detail came in by htmx: its buttons work once htmx has settled it (else Enter meets a bare button).
    htmxSettled();
    panel.getByTestId("reschedule-meeting").focus();
    page.keyboard().press("Enter");
    var form = panel.getByTestId("reschedule-form");
    assertThat(form.getByLabel("Date")).isFocused();
    LocalDate friday = wednesday.plusDays(2);
    form.getByLabel("Date").fill(friday.toString());
    form.getByLabel("Start time").fill("15:30");
    form.getByLabel("Duration").selectOption("60");
    shot("65-reschedule-form");
    form.getByLabel("Start time").press("Enter");

    assertThat(panel.getByTestId("meeting-status")).hasText("Rescheduled");
    assertThat(panel.getByTestId("meeting-when")).containsText("15:30–16:30");
    Meeting after = reload(m);
    assertThat(after.details().start()).isEqualTo(friday.atTime(15, 30).toInstant(ZoneOffset.UTC));
    assertThat(after.status()).isEqualTo(MeetingStatus.RESCHEDULED);

    // Escape closes the detail and gives the focus back to the meeting; Alt+↓ moves it 15 minutes later.
    page.keyboard().press("Escape");
    assertThat(panel).hasCount(0);
    var onFriday = page.locator(".cal-col[data-day=\"" + friday + "\"] .cal-block");
    assertThat(onFriday).containsText("15:30–16:30");
    onFriday.focus();
    page.keyboard().press("Alt+ArrowDown");
    assertThat(onFriday).containsText("15:45–16:45");
    assertThat(onFriday).isFocused();
    assertThat(reload(m).details().start()).isEqualTo(friday.atTime(15, 45).toInstant(ZoneOffset.UTC));
  }

  @Test
  void anInviteeAnswersThroughTheLinkWithoutSigningInAndTheOrganizerSeesTheAnswer() {
    Meeting m = schedule("Site visit", wednesday, "13:00", 90, "guest@harbor.example");
    String token = asOwner(() -> rsvpLinks.token(m.id(), new EmailAddress("guest@harbor.example")));

    BrowserContext stranger = browser().newContext(new Browser.NewContextOptions()
        .setBaseURL("http://localhost:" + port).setViewportSize(1024, 800));
    try {
      Page invitee = stranger.newPage();
      invitee.navigate("/rsvp/" + token);
      var card = invitee.getByTestId("rsvp");
      assertThat(card).containsText("Site visit");
      assertThat(card).containsText("13:00–14:30");
      assertThat(card.getByTestId("rsvp-current")).hasText("Awaiting reply");
      invitee.getByTestId("rsvp-accept").click();
      assertThat(card.getByTestId("rsvp-current")).hasText("Accepted");
      assertThat(invitee.locator(".flash")).containsText("you accepted");
      invitee.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("66-rsvp-accepted.png")).setFullPage(true));

      // A forged link shows nothing of any meeting.
      var response = invitee.navigate("/rsvp/" + token.substring(0, token.length() - 2) + "xx");
      assertThat(response.status()).isEqualTo(404);
      assertThat(invitee.getByTestId("rsvp-not-found")).isVisible();
      invitee.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("67-rsvp-not-found.png")).setFullPage(true));
    } finally {
      stranger.close();
    }

    signIn(owner.email(), owner.password());
    page.navigate("/meetings?meeting=" + m.id());
    var panel = page.getByTestId("meeting-panel");
    var guest = panel.locator("[data-testid=attendee][data-email=\"guest@harbor.example\"]");
    assertThat(guest.getByTestId("rsvp")).hasText("Accepted");
    assertThat(page.getByTestId("cal-title")).containsText(String.valueOf(wednesday.getDayOfMonth()));
  }

  @Test
  void theCalendarFitsAPhone() {
    schedule("Breakfast meeting", wednesday, "08:00", 60);
    schedule("Lunch with Greta", wednesday, "12:30", 90);
    schedule("Evening call", wednesday.plusDays(1), "18:00", 30);
    context.close();
    context = browser().newContext(new Browser.NewContextOptions()
        .setBaseURL("http://localhost:" + port).setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
    context.setDefaultTimeout(10_000);
    page = context.newPage();
    page.onDialog(com.microsoft.playwright.Dialog::accept);
    signIn(owner.email(), owner.password());

    week(wednesday);
    assertThat(block("Breakfast meeting")).isVisible();
    assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    screenshot("70-phone-week");

    page.getByTestId("cal-view-agenda").click();
    assertThat(page.getByTestId("agenda-item").first()).isVisible();
    assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    screenshot("71-phone-agenda");

    page.getByTestId("cal-view-month").click();
    assertThat(page.getByTestId("cal-chip").first()).isVisible();
    assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    screenshot("72-phone-month");

    page.getByTestId("cal-chip").first().click();
    assertThat(page.getByTestId("meeting-panel")).isVisible();
    shot("73-phone-detail");
    page.keyboard().press("Escape");
    page.getByTestId("schedule-meeting").click();
    assertThat(page.getByTestId("meeting-form")).isVisible();
    assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    shot("74-phone-schedule-form");
  }

  @Test
  void aMeetingIsScheduledFromTheDealModalOverTheDeal() {
    String dealId = api.post("/api/crm/deals", """
        {"name": "Lobby kiosks", "value": 12000, "clientId": "%s", "contactName": "Ravi Shah",
         "contactEmail": "ravi@harbor.example"}""".formatted(clientId)).text("id");
    signIn(owner.email(), owner.password());
    page.navigate("/pipeline");
    page.locator(".deal-card", new Page.LocatorOptions().setHasText("Lobby kiosks")).locator(".deal-name").click();
    var deal = page.getByTestId("deal-panel");
    var section = deal.getByTestId("meetings-section");
    assertThat(section).containsText("No meetings yet");
    section.getByTestId("section-schedule-meeting").click();

    // The form opens over the deal, which stays open beneath it.
    var form = page.locator("#modal-2").getByTestId("meeting-form");
    assertThat(form).isVisible();
    htmxSettled();
    assertThat(form.getByTestId("about-select")).hasValue("deal:" + dealId);
    assertThat(form.getByLabel("Other people")).hasValue("Ravi Shah <ravi@harbor.example>");
    form.getByLabel("Title").fill("Kiosk pricing");
    form.getByLabel("Date").fill(wednesday.toString());
    form.getByLabel("Start time").fill("09:00");
    shot("68-deal-modal-schedule");
    form.getByTestId("meeting-save").click();
    assertThat(page.locator("#modal-2 .modal")).hasCount(0);
    assertThat(deal).isVisible();
    assertThat(section.getByTestId("section-meeting")).containsText("Kiosk pricing");

    // Its detail too opens over the deal; Escape closes it alone.
    section.getByTestId("section-meeting").locator(".meeting-row-title").click();
    assertThat(page.locator("#modal-2").getByTestId("meeting-panel")).containsText("Lobby kiosks");
    shot("69-deal-modal-meeting-detail");
    page.keyboard().press("Escape");
    assertThat(page.locator("#modal-2").getByTestId("meeting-panel")).hasCount(0);
    assertThat(deal).isVisible();
  }

  @Test
  void theProfileTimeZoneIsTheCalendarsAndTheFeedIsACalendarToSubscribeTo() {
    // 10:00 UTC in December is 11:00 in Berlin.
    Meeting m = schedule("Supplier call", wednesday, "10:00", 30);
    signIn(owner.email(), owner.password());
    page.navigate("/settings/profile");
    page.getByLabel("Your time zone").selectOption("Europe/Berlin");
    page.getByTestId("profile-save").click();
    assertThat(page.locator(".flash")).containsText("Europe/Berlin");

    // The calendar subscription: a link shown once, that a calendar app can read without signing in.
    var subscription = page.getByTestId("subscription");
    subscription.getByTestId("feed-create").click();
    var url = subscription.getByTestId("feed-url");
    assertThat(url).hasValue(java.util.regex.Pattern.compile("^http://localhost:\\d+/calendar/feed/.+\\.ics$"));
    assertThat(subscription.getByTestId("webcal-url")).hasValue(java.util.regex.Pattern.compile("^webcal://localhost:"));
    screenshot("75-profile-subscription");
    String feed = url.inputValue();
    var ics = fetch(feed);
    assertThat(ics.statusCode()).isEqualTo(200);
    assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
    assertThat(ics.body()).contains("BEGIN:VCALENDAR").contains("Supplier call");
    assertThat(fetch(feed.replace(".ics", "x.ics")).statusCode()).isEqualTo(404);
    subscription.getByTestId("feed-revoke").click();
    assertThat(page.getByTestId("subscription")).containsText("Off");
    assertThat(fetch(feed).statusCode()).isEqualTo(404);

    week(wednesday);
    assertThat(page.getByTestId("cal-zone")).containsText("Europe/Berlin");
    assertThat(block("Supplier call")).containsText("11:00–11:30");
    block("Supplier call").click();
    var panel = page.getByTestId("meeting-panel");
    assertThat(panel.getByTestId("meeting-when")).containsText("10:00–10:30");
    assertThat(panel.getByTestId("meeting-your-time")).containsText("11:00–11:30");
    assertThat(panel.getByTestId("meeting-your-time")).containsText("Europe/Berlin");
    assertThat(reload(m).details().start()).isEqualTo(wednesday.atTime(10, 0).toInstant(ZoneOffset.UTC));
  }

  @Test
  void thisWeekShowsTheTimeNowAndRemindersUnderTheBell() {
    var now = java.time.ZonedDateTime.now(ZoneOffset.UTC);
    // Starts in five minutes with a reminder fifteen minutes before: due now.
    var start = now.plusMinutes(5).withSecond(0).withNano(0);
    var draft = MeetingDraft.blank().withTitle("Quick sync").withTimezone("UTC").withReminderMinutes("15")
        .withTimes(start.toLocalDateTime().toString(), start.plusMinutes(30).toLocalDateTime().toString());
    Meeting m = asOwner(() -> meetings.schedule(draft, new MeetingLinks(null, "client", clientId, null)));
    reminders.deliver(m.tenant(), m.id());

    signIn(owner.email(), owner.password());
    page.navigate("/meetings");
    assertThat(page.getByTestId("cal-now")).isVisible();
    assertThat(page.locator(".cal-day-head.today")).hasCount(1);
    var bell = page.getByTestId("notifications");
    assertThat(bell.getByTestId("bell-count")).hasText("1");
    bell.locator("summary").click();
    assertThat(bell.getByTestId("notification")).containsText("Quick sync");
    shot("76-week-now-and-bell");
    bell.getByTestId("notification").click();
    assertThat(page.getByTestId("meeting-panel")).containsText("Quick sync");
  }

  @Test
  void aViewerReadsTheDemoWorkspacesCalendarButChangesNothing() {
    signIn(com.orbitcrm.demo.DemoAccounts.VIEWER_EMAIL, com.orbitcrm.demo.DemoAccounts.VIEWER_PASSWORD);
    page.navigate("/meetings");
    var calendar = page.getByTestId("calendar");
    assertThat(calendar).hasAttribute("data-can-write", "false");
    assertThat(page.getByTestId("schedule-meeting")).hasCount(0);
    assertThat(page.getByTestId("cal-zone")).containsText(com.orbitcrm.demo.DemoAccounts.TIME_ZONE);
    screenshot("77-demo-week");
    page.getByTestId("cal-view-month").click();
    assertThat(page.getByTestId("cal-chip").first()).isVisible();
    screenshot("78-demo-month");
    page.getByTestId("cal-view-agenda").click();
    assertThat(page.getByTestId("agenda-item").first()).isVisible();
    screenshot("79-demo-agenda");
    page.getByTestId("agenda-item").first().click();
    var panel = page.getByTestId("meeting-panel");
    assertThat(panel).isVisible();
    assertThat(panel.getByTestId("edit-meeting")).hasCount(0);
    assertThat(panel.getByTestId("reschedule-meeting")).hasCount(0);
    shot("80-demo-detail-viewer");
  }

  @Test
  void aMeetingIsEditedThenCancelledFromItsDetail() {
    Meeting m = schedule("Design review", wednesday, "14:00", 60, "guest@harbor.example");
    signIn(owner.email(), owner.password());
    week(wednesday);
    block("Design review").click();
    var panel = page.getByTestId("meeting-panel");
    panel.getByTestId("edit-meeting").click();
    var form = page.getByTestId("meeting-form");
    htmxSettled();
    assertThat(form.getByLabel("Title")).hasValue("Design review");
    assertThat(form.getByLabel("Other people")).hasValue("guest@harbor.example");
    assertThat(form.getByTestId("about-select")).hasValue("client:" + clientId);
    form.getByLabel("Title").fill("Design review, round two");
    form.getByLabel("Location or dial-in").fill("Harbor HQ, room 4");
    form.locator(".log-type", new Locator.LocatorOptions().setHasText("In person")).click();
    form.getByTestId("meeting-save").click();

    panel = page.getByTestId("meeting-panel");
    assertThat(panel).containsText("Saved.");
    assertThat(panel.locator("#meeting-title")).hasText("Design review, round two");
    assertThat(panel).containsText("Harbor HQ, room 4");
    assertThat(block("Design review, round two")).isVisible();

    // Cancelling says the attendees are told (the confirmation is accepted here); the meeting stays, struck through.
    panel.getByTestId("cancel-meeting").click();
    assertThat(panel.getByTestId("meeting-status")).hasText("Cancelled");
    assertThat(panel).containsText("the attendees are told");
    assertThat(panel.getByTestId("reschedule-meeting")).hasCount(0);
    assertThat(block("Design review, round two")).hasClass(java.util.regex.Pattern.compile("is-cancelled"));
    assertThat(reload(m).status()).isEqualTo(MeetingStatus.CANCELLED);
    page.keyboard().press("Escape");
    screenshot("81-week-cancelled");

    // Deleted: gone from the calendar; its e-mail link then says so.
    block("Design review, round two").click();
    page.getByTestId("meeting-panel").getByTestId("delete-meeting").click();
    assertThat(page.getByTestId("meeting-panel")).hasCount(0);
    assertThat(block("Design review, round two")).hasCount(0);
    page.navigate("/meetings?meeting=" + m.id());
    assertThat(page.locator(".flash")).containsText("no longer exists");
  }

  @Test
  void theAgendaListsDayByDayAndPagesForward() {
    for (int i = 0; i < CALENDAR_AGENDA_PAGE + 3; i++) {
      schedule("Check-in " + (i + 1), wednesday.plusDays(i / 4), String.format("%02d:00", 9 + i % 4), 30);
    }
    signIn(owner.email(), owner.password());
    page.navigate("/meetings?view=agenda&date=" + wednesday);
    var items = page.getByTestId("agenda-item");
    assertThat(items).hasCount(CALENDAR_AGENDA_PAGE);
    page.getByTestId("agenda-more").click();
    assertThat(items).hasCount(CALENDAR_AGENDA_PAGE + 3);
    assertThat(items.last()).containsText("Check-in " + (CALENDAR_AGENDA_PAGE + 3));
    assertThat(page.getByTestId("agenda-more")).hasCount(0);
    // A day split by the page break is headed once.
    assertThat(page.locator(".agenda-date")).hasCount((CALENDAR_AGENDA_PAGE + 3 + 3) / 4);

    page.getByTestId("cal-view-day").click();
    assertThat(page.getByTestId("cal-title")).containsText(String.valueOf(wednesday.getDayOfMonth()));
    assertThat(page.getByTestId("cal-block")).hasCount(4);
    screenshot("84-day-view");
  }

  @Test
  void aPastMeetingIsCompletedWithItsOutcomeFromTheClientPage() {
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    Meeting m = schedule("Pilot kick-off", yesterday, "10:00", 60);
    schedule("Kiosk walkthrough", wednesday, "10:30", 60);
    signIn(owner.email(), owner.password());
    page.navigate("/clients/" + clientId);
    var section = page.getByTestId("meetings-section");
    assertThat(section.getByTestId("section-meeting")).hasCount(2);
    var past = section.locator("[data-testid=section-meeting][data-id=\"" + m.id() + "\"]");
    screenshot("82-client-section-past-and-upcoming");
    past.getByTestId("section-complete").click();

    var form = page.getByTestId("complete-form");
    // The form came in by htmx, which focuses its autofocus field once settled: typing before that
    // would see the focus jump from Notes back to Outcome mid-word.
    htmxSettled();
    assertThat(form.getByLabel("Outcome")).isFocused();
    form.getByLabel("Outcome").fill("Pilot agreed: 3 kiosks in January");
    form.getByLabel("Notes").fill("Greta wants the larger screens.\nSend the proposal by Friday.");
    form.getByTestId("complete-save").click();
    var panel = page.getByTestId("meeting-panel");
    assertThat(panel.getByTestId("meeting-status")).hasText("Completed");
    assertThat(panel.getByTestId("meeting-outcome")).hasText("Pilot agreed: 3 kiosks in January");
    shot("83-meeting-completed");
    page.keyboard().press("Escape");
    assertThat(past.locator(".badge")).hasText("Completed");
    assertThat(past.getByTestId("section-complete")).hasCount(0);
    assertThat(reload(m).details().outcome()).isEqualTo("Pilot agreed: 3 kiosks in January");
  }

  @Test
  void aMemberWhoIsInvitedAnswersInTheDetailAndMineShowsTheirMeetings() {
    Meeting m = schedule("Team sync", wednesday, "16:00", 30, owner.email());
    signIn(owner.email(), owner.password());
    week(wednesday);
    page.getByTestId("cal-filter-mine").click();
    assertThat(page.getByTestId("cal-filter-mine")).hasAttribute("aria-current", "true");
    assertThat(page).hasURL(java.util.regex.Pattern.compile("mine=true"));
    block("Team sync").click();
    var panel = page.getByTestId("meeting-panel");
    var mine = panel.getByTestId("my-answer");
    assertThat(mine).containsText("Awaiting reply");
    button(mine, "Accept").click();
    assertThat(panel.getByTestId("my-answer")).containsText("Accepted");
    assertThat(panel.locator("[data-testid=attendee][data-email=\"" + owner.email() + "\"]").getByTestId("rsvp"))
        .hasText("Accepted");
    assertThat(reload(m).attendee(new EmailAddress(owner.email())).orElseThrow().status())
        .isEqualTo(com.orbitcrm.meetings.Rsvp.ACCEPTED);
  }

  private java.net.http.HttpResponse<String> fetch(String url) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
          .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
