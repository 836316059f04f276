package com.orbitcrm.timeline.jooq;

import static org.orbitcrm.db.jooq.Tables.ORBIT_SECRETS;

import com.orbitcrm.timeline.TrackingKeys;
import java.security.SecureRandom;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tracking key in {@code orbit_secrets}: made on first use (32 random bytes), then read. Two
 * instances racing to make it both end up with the one that was stored first.
 */
@Repository
class JooqTrackingKeys implements TrackingKeys {

  private static final String NAME = "email-tracking";
  private final DSLContext dsl;

  JooqTrackingKeys(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  @Transactional
  public byte[] trackingKey() {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    dsl.insertInto(ORBIT_SECRETS).set(ORBIT_SECRETS.NAME, NAME).set(ORBIT_SECRETS.VALUE, fresh)
        .onConflictDoNothing().execute();
    return dsl.select(ORBIT_SECRETS.VALUE).from(ORBIT_SECRETS).where(ORBIT_SECRETS.NAME.eq(NAME))
        .fetchSingle(ORBIT_SECRETS.VALUE);
  }
}
