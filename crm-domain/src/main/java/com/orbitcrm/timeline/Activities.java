package com.orbitcrm.timeline;

import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Secondary port: the stored timeline entries of a workspace. */
public interface Activities {

  void insert(Activity activity);

  Optional<Activity> find(TenantId tenant, UUID id);

  /** Newest first; only entries of {@code type} if given; older than {@code after} if given. */
  ActivityPage page(TenantId tenant, EntityRef entity, @Nullable ActivityType type, @Nullable CreatedCursor after,
                    int limit);

  /** Records an open of an e-mail; the first open time is kept. @return whether the e-mail exists. */
  boolean markOpened(TenantId tenant, UUID id, Instant at);

  /** Records a followed link (which implies an open); the first times are kept. */
  boolean markClicked(TenantId tenant, UUID id, Instant at);
}
