package com.orbitcrm.timeline.jooq;

import com.orbitcrm.platform.jooq.TenantSecrets;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.timeline.port.TrackingKeys;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** A workspace's e-mail tracking key: its {@code email_tracking} secret. */
@Repository
class JooqTrackingKeys implements TrackingKeys {

  private static final String NAME = "email_tracking";
  private final TenantSecrets secrets;

  JooqTrackingKeys(TenantSecrets secrets) {
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
