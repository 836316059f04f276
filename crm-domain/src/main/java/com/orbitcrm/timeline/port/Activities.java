package com.orbitcrm.timeline.port;

import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityPage;
import com.orbitcrm.timeline.ActivityType;
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

  /** Deletes every entry of a record that no longer exists; answers how many. */
  int deleteAllOf(TenantId tenant, RecordRef entity);
}
