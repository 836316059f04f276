package com.orbitcrm.timeline.app;

import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.StoreOrder;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityPage;
import com.orbitcrm.timeline.ActivityType;
import com.orbitcrm.timeline.Task;
import com.orbitcrm.timeline.TaskDue;
import com.orbitcrm.timeline.TaskPage;
import com.orbitcrm.timeline.TaskQuery;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.timeline.port.Activities;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The timeline entries of every workspace, in memory, as {@code JooqActivities} keeps them: an entry
 * whose id is stored already is left alone; pages are newest first by (createdAt, id); opens and clicks
 * are recorded on e-mails only, keeping the first times.
 */
class InMemoryActivities implements Activities {

  private static final Comparator<Activity> NEWEST_FIRST = Comparator.comparing(Activity::createdAt)
      .thenComparing(Activity::id, StoreOrder.UUIDS).reversed();

  private record Key(TenantId tenant, UUID id) {}

  /** What V22's due_key stores for a task without a due time. */
  static final Instant NO_DUE = Instant.parse("9999-12-31T00:00:00Z");

  private final Map<Key, Activity> rows = new LinkedHashMap<>();

  List<Activity> all() {
    return List.copyOf(rows.values());
  }

  @Override
  public void insert(Activity activity) {
    rows.putIfAbsent(new Key(activity.tenant(), activity.id()), activity);
  }

  @Override
  public Optional<Activity> find(TenantId tenant, UUID id) {
    return Optional.ofNullable(rows.get(new Key(tenant, id)));
  }

  @Override
  public ActivityPage page(TenantId tenant, RecordRef entity, @Nullable ActivityType type,
                           @Nullable CreatedCursor after, int limit) {
    List<Activity> matching = of(tenant)
        .filter(a -> a.entity().equals(entity) && (type == null || a.type() == type))
        .filter(a -> after == null || a.createdAt().isBefore(after.createdAt())
            || a.createdAt().equals(after.createdAt()) && StoreOrder.UUIDS.compare(a.id(), after.id()) < 0)
        .sorted(NEWEST_FIRST)
        .limit(limit + 1L)
        .toList();
    if (matching.size() <= limit) {
      return new ActivityPage(matching, null);
    }
    List<Activity> page = matching.subList(0, limit);
    Activity last = page.getLast();
    return new ActivityPage(page, new CreatedCursor(last.createdAt(), last.id()));
  }

  @Override
  public boolean markOpened(TenantId tenant, UUID id, Instant at) {
    return track(tenant, id, at, false);
  }

  @Override
  public boolean markClicked(TenantId tenant, UUID id, Instant at) {
    return track(tenant, id, at, true);
  }

  private boolean track(TenantId tenant, UUID id, Instant at, boolean click) {
    var key = new Key(tenant, id);
    Activity a = rows.get(key);
    if (a == null || a.type() != ActivityType.EMAIL) {
      return false;
    }
    var t = a.tracking();
    var tracking = new Activity.EmailTracking(true, t.openedAt() == null ? at : t.openedAt(),
        t.clicked() || click, click && t.clickedAt() == null ? at : t.clickedAt());
    rows.put(key, new Activity(a.id(), a.tenant(), a.entity(), a.details(), a.metadata(), tracking, a.createdBy(),
        a.createdAt(), a.task()));
    return true;
  }

  @Override
  public int deleteAllOf(TenantId tenant, RecordRef entity) {
    List<Key> gone = rows.keySet().stream()
        .filter(k -> k.tenant().equals(tenant) && rows.get(k).entity().equals(entity)).toList();
    gone.forEach(rows::remove);
    return gone.size();
  }

  @Override
  public boolean updateTask(TenantId tenant, UUID id, Task task) {
    var key = new Key(tenant, id);
    Activity a = rows.get(key);
    if (a == null || a.task() == null) {
      return false;
    }
    rows.put(key, a.withTask(task));
    return true;
  }

  /** The same buckets and orders as the SQL: open by (due, id) without a due time last; done newest first. */
  @Override
  public TaskPage tasks(TenantId tenant, TaskQuery q) {
    Comparator<Activity> byDue = Comparator.comparing((Activity a) -> dueKey(a)).thenComparing(Activity::id,
        StoreOrder.UUIDS);
    Comparator<Activity> byDone = Comparator.comparing((Activity a) -> a.task().completedAt())
        .thenComparing(Activity::id, StoreOrder.UUIDS).reversed();
    List<Activity> matching = of(tenant)
        .filter(a -> a.task() != null && a.task().done() == q.done())
        .filter(a -> q.assignee() == null || q.assignee().equals(a.task().assignee()))
        .filter(a -> q.done() || q.due() == null || TaskDue.of(a.task(), q.window()).orElseThrow() == q.due())
        .filter(a -> q.after() == null || (q.done()
            ? byDone.compare(a, marker(a, q.after())) > 0 : byDue.compare(a, marker(a, q.after())) > 0))
        .sorted(q.done() ? byDone : byDue)
        .limit(q.limit() + 1L)
        .toList();
    if (matching.size() <= q.limit()) {
      return new TaskPage(matching, null);
    }
    List<Activity> page = matching.subList(0, q.limit());
    Activity last = page.getLast();
    return new TaskPage(page, new CreatedCursor(q.done() ? last.task().completedAt() : dueKey(last), last.id()));
  }

  private static Instant dueKey(Activity a) {
    return a.task().dueAt() == null ? NO_DUE : a.task().dueAt();
  }

  /** A stand-in row at the cursor's place, to compare with. */
  private static Activity marker(Activity like, CreatedCursor at) {
    Task t = like.task();
    return new Activity(at.id(), like.tenant(), like.entity(), like.details(), Map.of(), like.tracking(), null,
        like.createdAt(), new Task(at.createdAt(), t.assignee(), t.priority(), t.done() ? at.createdAt() : null, null));
  }

  @Override
  public int countOpenDueBefore(TenantId tenant, UserId assignee, Instant before) {
    return (int) of(tenant).filter(a -> a.task() != null && !a.task().done() && assignee.equals(a.task().assignee())
        && dueKey(a).isBefore(before)).count();
  }

  @Override
  public List<Activity> tasksOf(TenantId tenant, RecordRef entity, int doneLimit) {
    var open = tasks(tenant, new TaskQuery(null, null, false, new TaskDue.Window(Instant.EPOCH, Instant.EPOCH.plusSeconds(1)),
        null, TaskQuery.MAX_LIMIT)).items().stream().filter(a -> a.entity().equals(entity));
    var done = tasks(tenant, new TaskQuery(null, null, true, new TaskDue.Window(Instant.EPOCH, Instant.EPOCH.plusSeconds(1)),
        null, TaskQuery.MAX_LIMIT)).items().stream().filter(a -> a.entity().equals(entity)).limit(doneLimit);
    return Stream.concat(open, done).toList();
  }

  private Stream<Activity> of(TenantId tenant) {
    return rows.values().stream().filter(a -> a.tenant().equals(tenant));
  }
}
