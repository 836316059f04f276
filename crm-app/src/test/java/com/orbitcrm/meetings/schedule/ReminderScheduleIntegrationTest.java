package com.orbitcrm.meetings.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schedule on a real PostgreSQL as the application role, with a stand-in for the reminders use case that
 * counts every delivery (it is not idempotent, so a reminder run twice shows). Each test has a table of its
 * own, shaped like {@code scheduled_tasks}: schedulers of other test contexts in this JVM poll that one.
 * Nothing waits for the clock: reminders are armed due, and each wait polls for a state with a generous
 * deadline.
 */
class ReminderScheduleIntegrationTest {

  static final Duration DEADLINE = Duration.ofSeconds(60);

  final TestPostgres.Database db = TestPostgres.database();
  final DataSource app = db.appDataSource();
  final JdbcTemplate owner = new JdbcTemplate(db.ownerDataSource());
  final JdbcTemplate sql = new JdbcTemplate(app);
  final String table = "reminders_it_" + Long.toHexString(System.nanoTime());
  final CountingDelivery delivery = new CountingDelivery();
  final MeetingReminderTask task = new MeetingReminderTask(delivery);
  final List<Scheduler> started = new ArrayList<>();
  ReminderProperties properties;
  DbSchedulerReminderSchedule schedule;

  @BeforeEach
  void table() {
    owner.execute("create table " + table + " (like scheduled_tasks including all)");
    owner.execute("grant select, insert, update, delete on " + table + " to " + db.app().user());
    properties = new ReminderProperties(true, Duration.ofMillis(100), Duration.ofSeconds(1), 4,
        Duration.ofSeconds(20), table);
    schedule = schedule(properties.armWait());
  }

  @AfterEach
  void drop() {
    started.forEach(Scheduler::stop);
    owner.execute("drop table " + table);
  }

  DbSchedulerReminderSchedule schedule(Duration armWait) {
    SchedulerClient client = SchedulerClient.Builder.create(app, task).tableName(table)
        .serializer(new ReminderRefSerializer()).build();
    return new DbSchedulerReminderSchedule(client, task, armWait);
  }

  Scheduler start(String name) {
    Scheduler scheduler = ReminderRunner.scheduler(app, task, properties, new SchedulerName.Fixed(name));
    scheduler.start();
    started.add(scheduler);
    return scheduler;
  }

  static ReminderRef aReminder() {
    return new ReminderRef(TenantId.of(java.util.UUID.randomUUID().toString()), MeetingId.random());
  }

  void arm(ReminderRef ref, Instant at) {
    schedule.arm(ref.tenant(), ref.meeting(), at);
  }

  int rows() {
    return sql.queryForObject("select count(*) from " + table, Integer.class);
  }

  Optional<Map<String, Object>> row(ReminderRef ref) {
    return sql.queryForList("select * from " + table + " where task_name = ? and task_instance = ?",
        MeetingReminderTask.NAME, ref.id()).stream().findFirst();
  }

  Instant executionTime(ReminderRef ref) {
    return ((java.sql.Timestamp) row(ref).orElseThrow().get("execution_time")).toInstant();
  }

  @Test
  void twoSchedulersOnOneTableDeliverEveryReminderExactlyOnce() {
    var refs = new ArrayList<ReminderRef>();
    Instant due = Instant.now().minusSeconds(1);
    for (int i = 0; i < 60; i++) {
      ReminderRef ref = aReminder();
      refs.add(ref);
      arm(ref, due);
    }
    assertThat(rows()).isEqualTo(60);

    start("instance-a");
    start("instance-b");

    // When the table is empty every execution has ended, and an ended execution never runs again.
    await().atMost(DEADLINE).until(() -> rows() == 0);
    assertThat(delivery.deliveries).containsOnlyKeys(refs);
    assertThat(delivery.deliveries.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
  }

  @Test
  void aReminderArmedWhileNoSchedulerRanIsDeliveredOnceWhenOneStarts() {
    ReminderRef ref = aReminder();
    arm(ref, Instant.now().minus(5, ChronoUnit.MINUTES));
    assertThat(row(ref)).isPresent();

    start("after-restart");

    await().atMost(DEADLINE).until(() -> row(ref).isEmpty());
    assertThat(delivery.count(ref)).isEqualTo(1);
  }

  @Test
  void armingAgainMovesTheOneExecutionAndItsDataIsPlainText() {
    ReminderRef ref = aReminder();
    Instant first = Instant.parse("2031-01-01T09:00:00Z");
    Instant second = Instant.parse("2031-01-01T08:45:00Z");

    arm(ref, first);
    arm(ref, second);

    assertThat(rows()).isEqualTo(1);
    assertThat(executionTime(ref)).isEqualTo(second);
    byte[] data = (byte[]) row(ref).orElseThrow().get("task_data");
    assertThat(new String(data, StandardCharsets.UTF_8)).isEqualTo(ref.tenant() + ":" + ref.meeting());
  }

  @Test
  void disarmingDeletesTheExecutionAndDisarmingNothingIsFine() {
    ReminderRef ref = aReminder();
    arm(ref, Instant.parse("2031-01-01T09:00:00Z"));

    schedule.disarm(ref.tenant(), ref.meeting());
    schedule.disarm(ref.tenant(), ref.meeting());
    schedule.disarm(aReminder().tenant(), MeetingId.random());

    assertThat(row(ref)).isEmpty();
  }

  @Test
  void aReminderThatMovedLaterWhileDueFollowsTheMeeting() {
    ReminderRef ref = aReminder();
    Instant later = Instant.parse("2031-01-01T09:00:00Z");
    delivery.notSent.put(ref, later);
    arm(ref, Instant.now().minusSeconds(1));

    start("instance-a");

    await().atMost(DEADLINE).until(() -> delivery.count(ref) == 1
        && row(ref).filter(r -> Boolean.FALSE.equals(r.get("picked"))).isPresent());
    assertThat(executionTime(ref)).isEqualTo(later);
  }

  @Test
  void armingWhileTheSameReminderIsBeingDeliveredWaitsForItAndThenArms() throws Exception {
    ReminderRef ref = aReminder();
    delivery.gate = new CountDownLatch(1);
    arm(ref, Instant.now().minusSeconds(1));
    start("instance-a");
    await().atMost(DEADLINE).until(() -> delivery.running.contains(ref));

    Instant next = Instant.parse("2031-01-01T09:00:00Z");
    var arming = new Thread(() -> arm(ref, next));
    arming.start();
    Thread.sleep(300); // gives the arming thread time to find the execution running, if it would not wait
    delivery.gate.countDown();
    arming.join(DEADLINE.toMillis());

    assertThat(arming.isAlive()).isFalse();
    assertThat(delivery.count(ref)).isEqualTo(1);
    assertThat(executionTime(ref)).isEqualTo(next);
    assertThat(row(ref).orElseThrow().get("picked")).isEqualTo(false);
  }

  @Test
  void armingThatCannotWaitLeavesItToTheRunningDelivery() throws Exception {
    ReminderRef ref = aReminder();
    Instant next = Instant.parse("2031-01-01T09:00:00Z");
    delivery.gate = new CountDownLatch(1);
    arm(ref, Instant.now().minusSeconds(1));
    start("instance-a");
    await().atMost(DEADLINE).until(() -> delivery.running.contains(ref));

    // The meeting moved while its reminder is being delivered, and the arming gives up waiting at once.
    delivery.notSent.put(ref, next);
    schedule(Duration.ZERO).arm(ref.tenant(), ref.meeting(), next);
    delivery.gate.countDown();

    await().atMost(DEADLINE).until(() -> row(ref).filter(r -> Boolean.FALSE.equals(r.get("picked"))).isPresent());
    assertThat(executionTime(ref)).isEqualTo(next);
    assertThat(delivery.count(ref)).isEqualTo(1);
  }

  @Test
  void theRunnerStartsStopsAndStartsAgain() {
    var runner = new ReminderRunner(app, task, properties, new SchedulerName.Fixed("lifecycle"));
    ReminderRef first = aReminder();
    ReminderRef second = aReminder();
    arm(first, Instant.now().minusSeconds(1));

    runner.start();
    assertThat(runner.isRunning()).isTrue();
    await().atMost(DEADLINE).until(() -> row(first).isEmpty());
    runner.stop();
    assertThat(runner.isRunning()).isFalse();

    arm(second, Instant.now().minusSeconds(1));
    runner.start();
    try {
      await().atMost(DEADLINE).until(() -> row(second).isEmpty());
    } finally {
      runner.stop();
    }
    assertThat(delivery.count(first)).isEqualTo(1);
    assertThat(delivery.count(second)).isEqualTo(1);
  }

  @Test
  void theSerializerReadsWhatItWrote() {
    var serializer = new ReminderRefSerializer();
    ReminderRef ref = aReminder();

    assertThat(serializer.deserialize(ReminderRef.class, serializer.serialize(ref))).isEqualTo(ref);
    assertThat(serializer.deserialize(Object.class, serializer.serialize(ref))).isEqualTo(ref);
    assertThat(serializer.serialize(null)).isNull();
    assertThat(serializer.deserialize(ReminderRef.class, null)).isNull();
    assertThat(ReminderRef.parse(ref.id())).isEqualTo(ref);
  }

  /** Counts deliveries; reminders in {@link #notSent} are not sent and say when they are due instead. */
  static final class CountingDelivery implements ReminderDelivery {
    final Map<ReminderRef, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final Map<ReminderRef, Instant> notSent = new ConcurrentHashMap<>();
    final Set<ReminderRef> running = ConcurrentHashMap.newKeySet();
    volatile @Nullable CountDownLatch gate;

    @Override
    public boolean deliver(TenantId tenant, MeetingId meeting) {
      var ref = new ReminderRef(tenant, meeting);
      running.add(ref);
      deliveries.computeIfAbsent(ref, r -> new AtomicInteger()).incrementAndGet();
      CountDownLatch wait = gate;
      try {
        if (wait != null && !wait.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.remove(ref);
      }
      return !notSent.containsKey(ref);
    }

    @Override
    public Optional<Instant> dueLater(TenantId tenant, MeetingId meeting) {
      return Optional.ofNullable(notSent.get(new ReminderRef(tenant, meeting)));
    }

    int count(ReminderRef ref) {
      AtomicInteger count = deliveries.get(ref);
      return count == null ? 0 : count.get();
    }
  }
}
