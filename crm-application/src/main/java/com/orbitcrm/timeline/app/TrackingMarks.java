package com.orbitcrm.timeline.app;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.timeline.port.Activities;
import com.orbitcrm.timeline.port.TrackingKeys;
import java.time.Instant;
import java.util.Optional;
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

  TrackingMarks(Activities activities, TrackingKeys keys) {
    this.activities = activities;
    this.keys = keys;
  }

  @Transactional
  public boolean mark(TenantId tenant, java.util.UUID activity, boolean click, Instant at) {
    return click ? activities.markClicked(tenant, activity, at) : activities.markOpened(tenant, activity, at);
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
