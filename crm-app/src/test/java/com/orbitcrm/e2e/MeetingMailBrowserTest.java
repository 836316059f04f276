package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.orbitcrm.Api;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A meeting's e-mail as its guest gets it, with a real SMTP server in this JVM (GreenMail): scheduled in the
 * browser, the invitation arrives with its iCalendar request (parsed back with ical4j); the guest answers
 * through the link in that e-mail without an account; the organizer sees the answer; cancelling sends the
 * iCalendar cancellation of the same event.
 */
class MeetingMailBrowserTest extends BrowserTest {

  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    smtp.start();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    properties.add("orbit.demo.enabled", () -> "false");
  }

  @AfterAll
  static void stopMailServer() {
    smtp.stop();
  }

  Api.Account owner;
  String clientId;
  LocalDate wednesday = LocalDate.now(ZoneOffset.UTC).plusDays(7).with(DayOfWeek.WEDNESDAY);
  String guest;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Mail " + UUID.randomUUID().toString().substring(0, 6));
    var api = anonymous.bearer(anonymous.tokenFor(owner));
    guest = "greta-" + UUID.randomUUID().toString().substring(0, 8) + "@harbor.example";
    clientId = api.post("/api/clients", """
        {"name": "Harbor Hospitality", "contactName": "Greta Marsh", "contactEmail": "%s"}""".formatted(guest))
        .text("id");
  }

  /** The messages GreenMail holds for {@code to}, once there are {@code count} of them. */
  private List<MimeMessage> mailTo(String to, int count) {
    var found = new ArrayList<MimeMessage>();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      found.clear();
      Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
        try {
          return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(to));
        } catch (Exception e) {
          return false;
        }
      }).forEach(found::add);
      assertThat(found).hasSize(count);
    });
    return found;
  }

  /** The first part of {@code type} in a message, depth first. */
  private static Part part(Part in, String type) throws Exception {
    if (in.isMimeType(type)) {
      return in;
    }
    if (in.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart p = multipart.getBodyPart(i);
        Part found = part(p, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Calendar calendarOf(MimeMessage message) throws Exception {
    Part calendar = part(message, "text/calendar");
    assertThat(calendar).as("a text/calendar part").isNotNull();
    String text = GreenMailUtil.getBody(calendar).contains("BEGIN:VCALENDAR") ? GreenMailUtil.getBody(calendar)
        : new String(calendar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new CalendarBuilder().build(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theGuestGetsTheInvitationWithItsCalendarAnswersThroughItsLinkAndGetsTheCancellation() throws Exception {
    signIn(owner.email(), owner.password());
    page.navigate("/clients/" + clientId);
    page.getByTestId("meetings-section").getByTestId("section-schedule-meeting").click();
    var form = page.getByTestId("meeting-form");
    assertThat(form.getByLabel("Other people")).hasValue("Greta Marsh <" + guest + ">");
    form.getByLabel("Title").fill("Kiosk walkthrough");
    form.getByLabel("Date").fill(wednesday.toString());
    form.getByLabel("Start time").fill("10:30");
    form.getByLabel("Duration").selectOption("60");
    form.getByTestId("meeting-save").click();
    assertThat(page.getByTestId("meeting-form")).hasCount(0);

    // The invitation: to the guest, a text with the answer link, and the iCalendar request of the event.
    MimeMessage invitation = mailTo(guest, 1).getFirst();
    assertThat(invitation.getSubject()).startsWith("Invitation: Kiosk walkthrough");
    assertThat(part(invitation, "text/calendar").getContentType()).containsIgnoringCase("method=REQUEST");
    Calendar request = calendarOf(invitation);
    assertThat(request.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
    VEvent event = (VEvent) request.getComponent("VEVENT").orElseThrow();
    String uid = event.getProperty("UID").orElseThrow().getValue();
    assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Kiosk walkthrough");
    assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
    assertThat(event.<Property>getProperties(Property.ATTENDEE)).anySatisfy(a ->
        assertThat(a.getValue()).isEqualToIgnoringCase("mailto:" + guest));
    assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualToIgnoringCase("mailto:" + owner.email());
    assertThat(part(invitation, "application/ics")).as("the invite.ics attachment").isNotNull();

    String text = GreenMailUtil.getBody(part(invitation, "text/plain"));
    var link = Pattern.compile("https?://[^\\s]+/rsvp/[A-Za-z0-9_.-]+").matcher(text.replace("=\r\n", ""));
    assertThat(link.find()).as(text).isTrue();
    String answerPath = link.group().replaceFirst("^https?://[^/]+", "");

    // The guest has no account: the link is enough.
    BrowserContext stranger = browser().newContext(new Browser.NewContextOptions()
        .setBaseURL("http://localhost:" + port).setViewportSize(1024, 800));
    try {
      Page invitee = stranger.newPage();
      invitee.navigate(answerPath);
      assertThat(invitee.getByTestId("rsvp")).containsText("Kiosk walkthrough");
      invitee.getByTestId("rsvp-accept").click();
      assertThat(invitee.getByTestId("rsvp").getByTestId("rsvp-current")).hasText("Accepted");
    } finally {
      stranger.close();
    }

    // The organizer sees the answer, then cancels: the guest gets a cancellation of the same event.
    page.navigate("/meetings?view=week&date=" + wednesday);
    page.locator(".cal-block", new Page.LocatorOptions().setHasText("Kiosk walkthrough")).click();
    var panel = page.getByTestId("meeting-panel");
    assertThat(panel.locator("[data-testid=attendee][data-email=\"" + guest + "\"]").getByTestId("rsvp"))
        .hasText("Accepted");
    panel.getByTestId("cancel-meeting").click();
    assertThat(panel.getByTestId("meeting-status")).hasText("Cancelled");

    MimeMessage cancellation = mailTo(guest, 2).stream()
        .filter(m -> {
          try {
            return m.getSubject().startsWith("Cancelled:");
          } catch (Exception e) {
            return false;
          }
        }).findFirst().orElseThrow();
    Calendar cancel = calendarOf(cancellation);
    assertThat(cancel.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
    VEvent cancelled = (VEvent) cancel.getComponent("VEVENT").orElseThrow();
    assertThat(cancelled.getProperty("UID").orElseThrow().getValue()).isEqualTo(uid);
    assertThat(Integer.parseInt(cancelled.getProperty("SEQUENCE").orElseThrow().getValue())).isGreaterThan(0);
    assertThat(cancelled.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
  }
}
