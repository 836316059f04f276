package com.orbitcrm.meetings.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reminders end to end: meetings scheduled through the API, armed by the reminders use case, run by
 * db-scheduler, sent by SMTP to a real server (GreenMail, in this JVM) and counted there per recipient.
 *
 * <p>The application runs no scheduler of its own here ({@code orbit.reminders.enabled=false}); the test
 * starts and stops them, on the application's pool, task and table. That table is this class's own (shaped
 * like {@code scheduled_tasks}): the schedulers of other test contexts of this JVM poll {@code scheduled_tasks}
 * and would otherwise deliver these reminders without mail. Nothing waits for the clock: every reminder is due
 * when armed, and every wait polls for a state with a generous deadline.
 */
@OrbitIntegrationTest
@DirtiesContext
class ReminderDeliveryIntegrationTest {

  static final Duration DEADLINE = Duration.ofSeconds(90);
  static final String TABLE = "reminders_e2e_" + Long.toHexString(System.nanoTime());
  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    var db = TestPostgres.database();
    var owner = new JdbcTemplate(db.ownerDataSource());
    owner.execute("create table " + TABLE + " (like scheduled_tasks including all)");
    owner.execute("grant select, insert, update, delete on " + TABLE + " to " + db.app().user());
    smtp.start();
  }

  @DynamicPropertySource
  static void mailAndReminders(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    properties.add("orbit.reminders.enabled", () -> "false");
    properties.add("orbit.reminders.table", () -> TABLE);
    properties.add("orbit.demo.enabled", () -> "false");
  }

  @AfterAll
  static void stopMailServer() {
    smtp.stop();
  }

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired MeetingReminderTask task;
  @Autowired ReminderProperties configured;

  final List<Scheduler> running = new ArrayList<>();
  Api api;
  Api.Account owner;

  @BeforeEach
  void workspace() {
    var anonymous = new Api(port);
    owner = anonymous.signUp("Reminders " + UUID.randomUUID());
    api = anonymous.bearer(anonymous.tokenFor(owner));
  }

  @AfterEach
  void stopSchedulers() {
    running.forEach(Scheduler::stop);
  }

  Scheduler start(String name) {
    var fast = new ReminderProperties(true, Duration.ofMillis(200), Duration.ofSeconds(2), 4, configured.armWait(),
        configured.table());
    Scheduler scheduler = ReminderRunner.scheduler(dataSource, task, fast, new SchedulerName.Fixed(name));
    scheduler.start();
    running.add(scheduler);
    return scheduler;
  }

  /**
   * A meeting whose 15-minute reminder is due now (it starts in five minutes), with two attendees who come
   * and one who declined; answers its id.
   */
  String meetingDueNow(String title, String attendeePrefix) {
    Instant start = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    var r = api.post("/api/crm/meetings", """
        {"title": "%s", "startTime": "%s", "endTime": "%s", "reminderMinutes": 15, "attendees": [
          {"email": "%s-ann@client.example", "name": "Ann"},
          {"email": "%s-bob@client.example", "status": "accepted"},
          {"email": "%s-dan@client.example", "status": "declined"}]}"""
        .formatted(title, start, start.plus(Duration.ofHours(1)), attendeePrefix, attendeePrefix, attendeePrefix));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.text("id");
  }

  List<String> expectedRecipients(String attendeePrefix) {
    return List.of(owner.email().toLowerCase(), attendeePrefix + "-ann@client.example",
        attendeePrefix + "-bob@client.example");
  }

  /** Reminder e-mails received for {@code title}, counted per recipient. */
  static Map<String, Long> remindersReceived(String title) {
    return List.of(smtp.getReceivedMessages()).stream()
        .filter(m -> subject(m).startsWith("Reminder: " + title + " at "))
        .flatMap(m -> recipients(m).stream())
        .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
  }

  boolean armed(String meetingId) {
    return armedRows(meetingId) > 0;
  }

  int armedRows(String meetingId) {
    return new JdbcTemplate(dataSource).queryForObject(
        "select count(*) from " + TABLE + " where task_name = ? and task_instance = ?", Integer.class,
        MeetingReminderTask.NAME, owner.tenantId() + ":" + meetingId);
  }

  boolean reminderSent(String meetingId) {
    return api.get("/api/crm/meetings/" + meetingId).json().get("reminderSent").asBoolean();
  }

  @Test
  void twoSchedulersOnOneDatabaseSendEveryReminderOnceToEachRecipient() {
    start("instance-a");
    start("instance-b");

    var meetings = new ArrayList<String[]>();
    for (int i = 0; i < 5; i++) {
      String title = "Review " + i + " " + UUID.randomUUID();
      String prefix = "two-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
      meetings.add(new String[] {meetingDueNow(title, prefix), title, prefix});
    }

    for (String[] m : meetings) {
      await().atMost(DEADLINE).until(() -> reminderSent(m[0]) && !armed(m[0])
          && remindersReceived(m[1]).size() == expectedRecipients(m[2]).size());
    }
    // Every execution has ended (its row is gone): none can run again, so the counts are final.
    for (String[] m : meetings) {
      Map<String, Long> received = remindersReceived(m[1]);
      assertThat(received).as(m[1]).containsOnlyKeys(expectedRecipients(m[2]));
      assertThat(received.values()).as(m[1]).containsOnly(1L);
    }
  }

  @Test
  void aReminderArmedWhileNoSchedulerRanIsSentOnceWhenOneStarts() {
    String title = "Restart " + UUID.randomUUID();
    String prefix = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    String id = meetingDueNow(title, prefix);

    await().atMost(DEADLINE).until(() -> armed(id));
    assertThat(remindersReceived(title)).isEmpty();
    assertThat(reminderSent(id)).isFalse();

    start("after-restart");

    await().atMost(DEADLINE).until(() -> reminderSent(id) && !armed(id)
        && remindersReceived(title).size() == expectedRecipients(prefix).size());
    assertThat(remindersReceived(title)).containsOnlyKeys(expectedRecipients(prefix));
    assertThat(remindersReceived(title).values()).containsOnly(1L);
  }

  static String subject(MimeMessage m) {
    try {
      String subject = m.getSubject();
      return subject == null ? "" : subject;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> recipients(MimeMessage m) {
    try {
      Address[] to = m.getAllRecipients();
      return to == null ? List.of()
          : List.of(to).stream().map(a -> ((InternetAddress) a).getAddress().toLowerCase()).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
