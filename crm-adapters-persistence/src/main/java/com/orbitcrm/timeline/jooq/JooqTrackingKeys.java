package com.orbitcrm.timeline.jooq;

import static org.orbitcrm.db.jooq.Tables.TENANT_SECRETS;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.timeline.port.TrackingKeys;
import java.security.SecureRandom;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * A workspace's tracking key in {@code tenant_secrets} (V9), under row-level security: made on first use
 * (32 random bytes), then read. Two instances racing to make it both end up with the one stored first.
 */
@Repository
class JooqTrackingKeys implements TrackingKeys {

  private static final String NAME = "email_tracking";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final DSLContext dsl;

  JooqTrackingKeys(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Optional<byte[]> find(TenantId tenant) {
    return dsl.select(TENANT_SECRETS.VALUE).from(TENANT_SECRETS)
        .where(TENANT_SECRETS.TENANT_ID.eq(tenant.value()), TENANT_SECRETS.NAME.eq(NAME))
        .fetchOptional(TENANT_SECRETS.VALUE);
  }

  @Override
  public byte[] obtain(TenantId tenant) {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    dsl.insertInto(TENANT_SECRETS)
        .set(TENANT_SECRETS.TENANT_ID, tenant.value())
        .set(TENANT_SECRETS.NAME, NAME)
        .set(TENANT_SECRETS.VALUE, fresh)
        .onConflictDoNothing().execute();
    return find(tenant).orElseThrow();
  }
}
