package com.orbitcrm.tenancy.jooq;

import static org.orbitcrm.db.jooq.Tables.IDEMPOTENCY_KEYS;

import com.orbitcrm.platform.IdempotencyKey;
import com.orbitcrm.platform.IdempotencyRecords;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys in PostgreSQL (V20) per workspace and principal (tenancy knows who is asking). A claim is an
 * {@code insert … on conflict do nothing} on the primary key: a concurrent claim of the same key waits for the
 * first transaction and then finds its row.
 */
@Repository
class JooqIdempotencyRecords implements IdempotencyRecords {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final DSLContext dsl;

  JooqIdempotencyRecords(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public boolean claim(UUID tenant, String principal, IdempotencyKey key, byte[] fingerprint) {
    return dsl.insertInto(IDEMPOTENCY_KEYS)
        .set(IDEMPOTENCY_KEYS.TENANT_ID, tenant)
        .set(IDEMPOTENCY_KEYS.PRINCIPAL, principal)
        .set(IDEMPOTENCY_KEYS.KEY, key.value())
        .set(IDEMPOTENCY_KEYS.FINGERPRINT, fingerprint)
        .onConflictDoNothing()
        .execute() == 1;
  }

  @Override
  public Optional<Stored> find(UUID tenant, String principal, IdempotencyKey key) {
    return dsl.selectFrom(IDEMPOTENCY_KEYS)
        .where(IDEMPOTENCY_KEYS.TENANT_ID.eq(tenant), IDEMPOTENCY_KEYS.PRINCIPAL.eq(principal),
            IDEMPOTENCY_KEYS.KEY.eq(key.value()))
        .fetchOptional(r -> new Stored(r.getFingerprint(), r.getStatus(), r.getContentType(),
            JSON.readValue(r.getHeaders().data(), HEADERS), r.getBody(), r.getCreatedAt().toInstant()));
  }

  @Override
  public void answer(UUID tenant, String principal, IdempotencyKey key, int status, @Nullable String contentType,
                     Map<String, String> headers, byte[] body) {
    dsl.update(IDEMPOTENCY_KEYS)
        .set(IDEMPOTENCY_KEYS.STATUS, status)
        .set(IDEMPOTENCY_KEYS.CONTENT_TYPE, contentType)
        .set(IDEMPOTENCY_KEYS.HEADERS, JSONB.jsonb(JSON.writeValueAsString(headers)))
        .set(IDEMPOTENCY_KEYS.BODY, body)
        .where(IDEMPOTENCY_KEYS.TENANT_ID.eq(tenant), IDEMPOTENCY_KEYS.PRINCIPAL.eq(principal),
            IDEMPOTENCY_KEYS.KEY.eq(key.value()))
        .execute();
  }

  @Override
  public void forgetExpired(UUID tenant, String principal, IdempotencyKey key, Instant cutoff) {
    dsl.deleteFrom(IDEMPOTENCY_KEYS)
        .where(IDEMPOTENCY_KEYS.TENANT_ID.eq(tenant), IDEMPOTENCY_KEYS.PRINCIPAL.eq(principal),
            IDEMPOTENCY_KEYS.KEY.eq(key.value()), IDEMPOTENCY_KEYS.CREATED_AT.lt(cutoff.atOffset(ZoneOffset.UTC)))
        .execute();
  }

  @Override
  @Transactional
  public long deleteBefore(Instant cutoff) {
    TransactionScopes.openDoor("housekeeping");
    Long deleted = dsl.fetchValue(DSL.field("orbit_delete_idempotency_keys_before({0})", Long.class,
        DSL.val(cutoff.atOffset(ZoneOffset.UTC))));
    return deleted == null ? 0 : deleted;
  }
}
