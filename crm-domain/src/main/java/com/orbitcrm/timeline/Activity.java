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
 */
public record Activity(UUID id, TenantId tenant, RecordRef entity, ActivityDetails details,
                       Map<String, String> metadata, EmailTracking tracking, @Nullable UserId createdBy,
                       Instant createdAt) {

  public Activity {
    Objects.requireNonNull(id);
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(entity);
    Objects.requireNonNull(details);
    metadata = Map.copyOf(metadata);
    Objects.requireNonNull(tracking);
  }

  public ActivityType type() {
    return details.type();
  }

  /** Whether an e-mail has been opened and links followed; the first open and click are kept. */
  public record EmailTracking(boolean opened, @Nullable Instant openedAt, boolean clicked, @Nullable Instant clickedAt) {
    public static final EmailTracking NONE = new EmailTracking(false, null, false, null);
  }
}
