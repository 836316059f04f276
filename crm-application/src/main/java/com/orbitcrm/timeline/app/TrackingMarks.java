package com.orbitcrm.timeline.app;

import com.orbitcrm.platform.Records;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.port.Activities;
import com.orbitcrm.timeline.port.TrackingKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What e-mail tracking reads and writes, each in its own transaction in the token's workspace (the
 * caller sets it), under row-level security: the workspace's signing key, and an open or a click.
 */
@Component
class TrackingMarks {

  private final Activities activities;
  private final TrackingKeys keys;
  private final Records records;

  TrackingMarks(Activities activities, TrackingKeys keys, Records records) {
    this.activities = activities;
    this.keys = keys;
    this.records = records;
  }

  /**
   * Marks an open or a click, if the e-mail's tracking still holds: the entry exists, it was logged less
   * than {@code lifetime} ago, and the record it is on is live (not trashed, not purged).
   *
   * @return whether the token still works.
   */
  @Transactional
  public boolean mark(TenantId tenant, UUID id, boolean click, Instant at, Duration lifetime) {
    Optional<Activity> activity = activities.find(tenant, id);
    if (activity.isEmpty() || !at.isBefore(activity.get().createdAt().plus(lifetime))
        || records.find(activity.get().entity()).isEmpty()) {
      return false;
    }
    return click ? activities.markClicked(tenant, id, at) : activities.markOpened(tenant, id, at);
  }

  @Transactional
  public byte[] obtainKey(TenantId tenant) {
    return keys.obtain(tenant);
  }

  @Transactional(readOnly = true)
  public Optional<byte[]> findKey(TenantId tenant) {
    return keys.find(tenant);
  }
}
