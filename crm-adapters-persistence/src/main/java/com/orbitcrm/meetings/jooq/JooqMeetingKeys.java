package com.orbitcrm.meetings.jooq;

import com.orbitcrm.meetings.port.MeetingKeys;
import com.orbitcrm.platform.jooq.TenantSecrets;
import com.orbitcrm.tenancy.TenantId;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** A workspace's key for meeting answer links: its {@code meeting_rsvp} secret. */
@Repository
class JooqMeetingKeys implements MeetingKeys {

  private static final String NAME = "meeting_rsvp";
  private final TenantSecrets secrets;

  JooqMeetingKeys(TenantSecrets secrets) {
    this.secrets = secrets;
  }

  @Override
  public Optional<byte[]> find(TenantId tenant) {
    return secrets.find(tenant.value(), NAME);
  }

  @Override
  public byte[] obtain(TenantId tenant) {
    return secrets.obtain(tenant.value(), NAME);
  }
}
