package com.orbitcrm.timeline.port;

import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityPage;
import com.orbitcrm.timeline.ActivityType;
import com.orbitcrm.timeline.Task;
import com.orbitcrm.timeline.TaskPage;
import com.orbitcrm.timeline.TaskQuery;
import com.orbitcrm.tenancy.UserId;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Secondary port: the stored timeline entries of a workspace. Internal to the timeline module. */
public interface Activities {

  /** Stores the entry; an entry whose id is already stored is left as it is (a redelivered event). */
  void insert(Activity activity);

  Optional<Activity> find(TenantId tenant, UUID id);

  /** Newest first; only entries of {@code type} if given; older than {@code after} if given. */
  ActivityPage page(TenantId tenant, RecordRef entity, @Nullable ActivityType type, @Nullable CreatedCursor after,
                    int limit);

  /** Records an open of an e-mail; the first open time is kept. @return whether the e-mail exists. */
  boolean markOpened(TenantId tenant, UUID id, Instant at);

  /** Records a followed link (which implies an open); the first times are kept. */
  boolean markClicked(TenantId tenant, UUID id, Instant at);

  /** Stores a task's new state (done, undone); answers whether the task exists. */
  boolean updateTask(TenantId tenant, UUID id, Task task);

  /** A page of the workspace's tasks (see {@link TaskQuery}). */
  TaskPage tasks(TenantId tenant, TaskQuery query);

  /** How many open tasks of the member are due before {@code before}. */
  int countOpenDueBefore(TenantId tenant, UserId assignee, Instant before);

  /** The tasks of a record: open ones by due time, then up to {@code doneLimit} done ones, newest first. */
  List<Activity> tasksOf(TenantId tenant, RecordRef entity, int doneLimit);

  /** Deletes every entry of a record that no longer exists; answers how many. */
  int deleteAllOf(TenantId tenant, RecordRef entity);
}
