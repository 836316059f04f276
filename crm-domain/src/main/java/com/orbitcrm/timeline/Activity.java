package com.orbitcrm.timeline;

import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a client's or a deal's timeline.
 *
 * @param metadata free-form facts (a stage change's from/to stages, an e-mail's tracked links).
 * @param task what makes a {@code task} activity a task; {@literal null} for every other type.
 */
public record Activity(UUID id, TenantId tenant, RecordRef entity, ActivityDetails details,
                       Map<String, String> metadata, EmailTracking tracking, @Nullable UserId createdBy,
                       Instant createdAt, @Nullable Task task) {

  /** An entry that is not a task. */
  public Activity(UUID id, TenantId tenant, RecordRef entity, ActivityDetails details, Map<String, String> metadata,
                  EmailTracking tracking, @Nullable UserId createdBy, Instant createdAt) {
    this(id, tenant, entity, details, metadata, tracking, createdBy, createdAt,
        details.type() == ActivityType.TASK ? new Task(null, null, TaskPriority.NORMAL, null, null) : null);
  }

  public Activity {
    Objects.requireNonNull(id);
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(entity);
    Objects.requireNonNull(details);
    metadata = Map.copyOf(metadata);
    Objects.requireNonNull(tracking);
    if ((task != null) != (details.type() == ActivityType.TASK)) {
      throw new IllegalArgumentException("a task activity, and only a task activity, has a task");
    }
  }

  /** The same entry with its task changed (done, undone). */
  public Activity withTask(Task changed) {
    if (task == null) {
      throw new IllegalStateException("not a task");
    }
    return new Activity(id, tenant, entity, details, metadata, tracking, createdBy, createdAt, changed);
  }

  public ActivityType type() {
    return details.type();
  }

  /** Whether an e-mail has been opened and links followed; the first open and click are kept. */
  public record EmailTracking(boolean opened, @Nullable Instant openedAt, boolean clicked, @Nullable Instant clickedAt) {
    public static final EmailTracking NONE = new EmailTracking(false, null, false, null);
  }
}
