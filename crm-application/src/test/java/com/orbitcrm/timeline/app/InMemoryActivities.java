package com.orbitcrm.timeline.app;

import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.StoreOrder;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityPage;
import com.orbitcrm.timeline.ActivityType;
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
        a.createdAt()));
    return true;
  }

  @Override
  public int deleteAllOf(TenantId tenant, RecordRef entity) {
    List<Key> gone = rows.keySet().stream()
        .filter(k -> k.tenant().equals(tenant) && rows.get(k).entity().equals(entity)).toList();
    gone.forEach(rows::remove);
    return gone.size();
  }

  private Stream<Activity> of(TenantId tenant) {
    return rows.values().stream().filter(a -> a.tenant().equals(tenant));
  }
}
