package com.orbitcrm.platform.jooq;

import static org.orbitcrm.db.jooq.Tables.TENANT_SECRETS;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * A workspace's named keys in {@code tenant_secrets} (V9), under row-level security: made on first use
 * (32 random bytes), then read, never changed. Two instances racing to make one both end up with the one
 * stored first. E-mail tracking and meeting answer links each keep their own. (Workspaces by their raw id:
 * the platform does not know the tenancy module.)
 */
@Component
public class TenantSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final DSLContext dsl;

  TenantSecrets(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Optional<byte[]> find(UUID tenant, String name) {
    return dsl.select(TENANT_SECRETS.VALUE).from(TENANT_SECRETS)
        .where(TENANT_SECRETS.TENANT_ID.eq(tenant), TENANT_SECRETS.NAME.eq(name))
        .fetchOptional(TENANT_SECRETS.VALUE);
  }

  public byte[] obtain(UUID tenant, String name) {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    dsl.insertInto(TENANT_SECRETS)
        .set(TENANT_SECRETS.TENANT_ID, tenant)
        .set(TENANT_SECRETS.NAME, name)
        .set(TENANT_SECRETS.VALUE, fresh)
        .onConflictDoNothing().execute();
    return find(tenant, name).orElseThrow();
  }
}
