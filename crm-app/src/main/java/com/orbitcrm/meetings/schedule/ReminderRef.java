package com.orbitcrm.meetings.schedule;

import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.tenancy.TenantId;
import java.util.Objects;
import java.util.UUID;

/**
 * Which reminder an execution is: the workspace and the meeting. Its text form {@code <tenantId>:<meetingId>}
 * is the execution's instance id (one execution per meeting) and its task data.
 */
public record ReminderRef(TenantId tenant, MeetingId meeting) {

  public ReminderRef {
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(meeting);
  }

  /** {@code <tenantId>:<meetingId>}. */
  public String id() {
    return tenant + ":" + meeting;
  }

  /** @throws IllegalArgumentException when {@code id} is not {@code <uuid>:<uuid>}. */
  public static ReminderRef parse(String id) {
    int colon = id.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not a reminder id (<tenantId>:<meetingId>): " + id);
    }
    return new ReminderRef(new TenantId(UUID.fromString(id.substring(0, colon))),
        new MeetingId(UUID.fromString(id.substring(colon + 1))));
  }
}
