package com.orbitcrm.timeline.jooq;

import static com.orbitcrm.testing.Plans.assertKeysetIsAnIndexCondition;
import static com.orbitcrm.testing.Plans.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.testing.AppRoleDatabase;
import com.orbitcrm.testing.Plans;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityDetails;
import com.orbitcrm.timeline.ActivityDraft;
import com.orbitcrm.timeline.Task;
import com.orbitcrm.timeline.TaskDue;
import com.orbitcrm.timeline.TaskPriority;
import com.orbitcrm.timeline.TaskQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The task lists' SQL (V22's due_key and partial indexes) held to the domain's rule {@link TaskDue}: random tasks
 * around "now" in a zone far from UTC, every bucket and assignee paged through, compared with the rule applied
 * in Java; and a deep page is an index range under row-level security.
 */
class TaskListsIntegrationTest {

  static final Instant NOW = Instant.parse("2026-06-15T21:30:00Z");
  static final ZoneId ZONE = ZoneId.of("Pacific/Auckland"); // already 16 June there: today ends 12:00 UTC on the 16th
  static final Instant NO_DUE = Instant.parse("9999-12-31T00:00:00Z");
  /** PostgreSQL's uuid order: bytewise, which is the order of the lower-case text. */
  static final Comparator<UUID> PG_UUID = Comparator.comparing(UUID::toString);

  record Graph(TenantId tenant, UserId a, UserId b, RecordRef record, List<Activity> tasks) {}

  static UserId member(AppRoleDatabase db, TenantId tenant) throws Exception {
    UUID id = UUID.randomUUID();
    db.execute("insert into users (id, email, name, password_hash) values ('" + id + "', '" + id
        + "@example.test', 'User', 'x')");
    db.execute("insert into memberships (tenant_id, user_id, role) values ('" + tenant + "', '" + id + "', 'member')");
    return new UserId(id);
  }

  static Graph graph(int count, long seed) throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    var record = new RecordRef(new RecordType("client"), UUID.randomUUID());
    var random = new Random(seed);
    var tasks = new ArrayList<Activity>();
    UserId a;
    UserId b;
    try (var db = AppRoleDatabase.in(tenant)) {
      a = member(db, tenant);
      b = member(db, tenant);
      var activities = new JooqActivities(db.dsl());
      var details = ActivityDetails.from(new ActivityDraft("task", "Follow up", null, null, null, null, null, null,
          null, null, null, List.of()));
      for (int i = 0; i < count; i++) {
        // Due within three days either side of now, on whole minutes (some exactly now and at the day's end);
        // one in six without a due time; one in four done.
        Instant due = random.nextInt(6) == 0 ? null : switch (random.nextInt(10)) {
          case 0 -> NOW;
          case 1 -> TaskDue.Window.at(NOW, ZONE).endOfToday();
          default -> NOW.plus(random.nextInt(6 * 24 * 60) - 3 * 24 * 60, ChronoUnit.MINUTES);
        };
        UserId assignee = switch (random.nextInt(3)) {
          case 0 -> a;
          case 1 -> b;
          default -> null;
        };
        boolean done = random.nextInt(4) == 0;
        var task = new Task(due, assignee, TaskPriority.values()[random.nextInt(3)],
            done ? NOW.minus(random.nextInt(100_000), ChronoUnit.SECONDS) : null, done ? a : null);
        var activity = new Activity(UUID.randomUUID(), tenant, record, details, Map.of(), Activity.EmailTracking.NONE,
            a, NOW.minusSeconds(i), task);
        activities.insert(activity);
        tasks.add(activity);
      }
    }
    return new Graph(tenant, a, b, record, tasks);
  }

  static List<UUID> all(JooqActivities activities, TenantId tenant, @Nullable UserId assignee, @Nullable TaskDue due,
                        boolean done, TaskDue.Window window) {
    var ids = new ArrayList<UUID>();
    CreatedCursor after = null;
    do {
      var page = activities.tasks(tenant, new TaskQuery(assignee, due, done, window, after, 7));
      page.items().forEach(t -> ids.add(t.id()));
      after = page.next();
    } while (after != null);
    return ids;
  }

  static List<UUID> expected(List<Activity> tasks, Predicate<Activity> which, boolean done) {
    Comparator<Activity> order = done
        ? Comparator.comparing((Activity t) -> t.task().completedAt()).thenComparing(Activity::id, PG_UUID).reversed()
        : Comparator.comparing((Activity t) -> t.task().dueAt() == null ? NO_DUE : t.task().dueAt())
            .thenComparing(Activity::id, PG_UUID);
    return tasks.stream().filter(which).sorted(order).map(Activity::id).toList();
  }

  @Test
  void everyBucketAndAssigneeIsWhatTheDomainRuleSays() throws Exception {
    Graph g = graph(400, 17);
    var window = TaskDue.Window.at(NOW, ZONE);
    try (var db = AppRoleDatabase.in(g.tenant())) {
      var activities = new JooqActivities(db.dsl());
      for (UserId assignee : java.util.Arrays.asList(g.a(), g.b(), null)) {
        Predicate<Activity> mine = t -> assignee == null || assignee.equals(t.task().assignee());
        for (TaskDue due : TaskDue.values()) {
          assertThat(all(activities, g.tenant(), assignee, due, false, window)).as(due + " of " + assignee)
              .isNotEmpty()
              .containsExactlyElementsOf(expected(g.tasks(),
                  mine.and(t -> TaskDue.of(t.task(), window).orElse(null) == due), false));
        }
        assertThat(all(activities, g.tenant(), assignee, null, false, window)).as("open of " + assignee)
            .containsExactlyElementsOf(expected(g.tasks(), mine.and(t -> !t.task().done()), false));
        assertThat(all(activities, g.tenant(), assignee, null, true, window)).as("done of " + assignee)
            .containsExactlyElementsOf(expected(g.tasks(), mine.and(t -> t.task().done()), true));
      }
      long overdue = g.tasks().stream().filter(t -> g.a().equals(t.task().assignee())
          && TaskDue.of(t.task(), window).orElse(null) == TaskDue.OVERDUE).count();
      assertThat(activities.countOpenDueBefore(g.tenant(), g.a(), NOW)).isEqualTo(overdue).isPositive();
    }
  }

  @Test
  void aTasksDoneAndUndoneStateIsStoredAndItsRecordListsIt() throws Exception {
    Graph g = graph(30, 5);
    try (var db = AppRoleDatabase.in(g.tenant())) {
      var activities = new JooqActivities(db.dsl());
      Activity open = g.tasks().stream().filter(t -> !t.task().done()).findFirst().orElseThrow();
      Activity done = open.withTask(open.task().complete(g.b(), NOW));
      assertThat(activities.updateTask(g.tenant(), open.id(), done.task())).isTrue();
      assertThat(activities.find(g.tenant(), open.id()).orElseThrow().task()).isEqualTo(done.task());
      assertThat(activities.tasksOf(g.tenant(), g.record(), 100))
          .hasSize(30).first().matches(t -> !t.task().done());
      assertThat(activities.updateTask(g.tenant(), open.id(), done.task().reopen())).isTrue();
      assertThat(activities.find(g.tenant(), open.id()).orElseThrow().task().done()).isFalse();
      assertThat(activities.updateTask(g.tenant(), UUID.randomUUID(), done.task())).isFalse();
    }
  }

  @Test
  void anAssigneeMustBeAMemberOfTheSameWorkspace() throws Exception {
    Graph g = graph(1, 1);
    Graph other = graph(1, 2);
    try (var db = AppRoleDatabase.in(g.tenant())) {
      var activities = new JooqActivities(db.dsl());
      var details = g.tasks().getFirst().details();
      var stranger = new Task(NOW, other.a(), TaskPriority.NORMAL, null, null);
      assertThatThrownBy(() -> activities.insert(new Activity(UUID.randomUUID(), g.tenant(), g.record(), details,
          Map.of(), Activity.EmailTracking.NONE, null, NOW, stranger))).hasMessageContaining("assignee");
    }
  }

  @Test
  void aDeepPageOfOnesOpenTasksIsAnIndexRangeOnTheDueKey() throws Exception {
    Graph g = graph(3000, 3);
    Plans.analyze("crm_activities");
    try (var db = AppRoleDatabase.in(g.tenant())) {
      db.execute("set local enable_seqscan = off");
      var activities = new JooqActivities(db.dsl());
      var window = TaskDue.Window.at(NOW, ZONE);
      var cursor = new CreatedCursor(NOW.minus(2, ChronoUnit.DAYS), new UUID(0, 0));
      var page = activities.tasks(g.tenant(), new TaskQuery(g.a(), null, false, window, cursor, 20));
      assertThat(page.items()).hasSize(20);
      assertKeysetIsAnIndexCondition(db.explain(single(db.takeStatements())), "due_key");
      activities.tasks(g.tenant(), new TaskQuery(null, TaskDue.UPCOMING, false, window, cursor, 20));
      String plan = db.explain(single(db.takeStatements()));
      assertThat(plan).contains("crm_tasks_open_idx");
      assertKeysetIsAnIndexCondition(plan, "due_key");
      activities.tasks(g.tenant(), new TaskQuery(g.a(), null, true, window,
          new CreatedCursor(NOW.minusSeconds(50_000), new UUID(0, 0)), 20));
      assertKeysetIsAnIndexCondition(db.explain(single(db.takeStatements())), "completed_at");
    }
  }
}
