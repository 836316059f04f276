package com.orbitcrm.timeline.app;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.timeline.Activities;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes an open or a click in its own transaction (so in the token's workspace, under row-level security). */
@Component
class TrackingMarks {

  private final Activities activities;

  TrackingMarks(Activities activities) {
    this.activities = activities;
  }

  @Transactional
  public boolean mark(TenantId tenant, UUID activity, boolean click, Instant at) {
    return click ? activities.markClicked(tenant, activity, at) : activities.markOpened(tenant, activity, at);
  }
}
