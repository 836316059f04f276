package com.orbitcrm.tenancy.jooq;

import static org.orbitcrm.db.jooq.Tables.API_TOKENS;
import static org.orbitcrm.db.jooq.Tables.MEMBERSHIPS;

import com.orbitcrm.tenancy.ApiToken;
import com.orbitcrm.tenancy.port.ApiTokens;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class JooqApiTokens implements ApiTokens {

  private final DSLContext dsl;

  JooqApiTokens(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public void create(ApiToken token, String hash) {
    dsl.insertInto(API_TOKENS)
        .set(API_TOKENS.TENANT_ID, token.tenant().value())
        .set(API_TOKENS.ID, token.id())
        .set(API_TOKENS.USER_ID, token.user().value())
        .set(API_TOKENS.NAME, token.name())
        .set(API_TOKENS.TOKEN_HASH, hash)
        .set(API_TOKENS.TOKEN_PREFIX, token.prefix())
        .set(API_TOKENS.ROLE, token.role().key())
        .set(API_TOKENS.CREATED_AT, token.createdAt().atOffset(ZoneOffset.UTC))
        .execute();
  }

  @Override
  public Optional<Presented> findByHash(String hash) {
    // Opens the "token by presented hash" policies (token and its membership): only whoever holds the
    // secret knows the hash.
    Settings.set(dsl, "orbit.token_hash", hash);
    return dsl.select(API_TOKENS.asterisk(), MEMBERSHIPS.ROLE)
        .from(API_TOKENS)
        .join(MEMBERSHIPS).on(MEMBERSHIPS.TENANT_ID.eq(API_TOKENS.TENANT_ID), MEMBERSHIPS.USER_ID.eq(API_TOKENS.USER_ID))
        .where(API_TOKENS.TOKEN_HASH.eq(hash))
        .and(API_TOKENS.EXPIRES_AT.isNull().or(API_TOKENS.EXPIRES_AT.gt(DSL.currentOffsetDateTime())))
        .fetchOptional(r -> new Presented(toToken(r),
            Role.fromKey(r.get(MEMBERSHIPS.ROLE)).orElse(Role.VIEWER)));
  }

  @Override
  public List<ApiToken> of(TenantId tenant, UserId user) {
    return dsl.selectFrom(API_TOKENS)
        .where(API_TOKENS.TENANT_ID.eq(tenant.value()), API_TOKENS.USER_ID.eq(user.value()))
        .orderBy(API_TOKENS.REVOKED_AT.isNull().desc(), API_TOKENS.CREATED_AT.desc())
        .fetch(JooqApiTokens::toToken);
  }

  @Override
  public boolean revoke(TenantId tenant, UserId user, UUID id) {
    return dsl.update(API_TOKENS)
        .set(API_TOKENS.REVOKED_AT, DSL.currentOffsetDateTime())
        .where(API_TOKENS.TENANT_ID.eq(tenant.value()), API_TOKENS.ID.eq(id), API_TOKENS.USER_ID.eq(user.value()))
        .and(API_TOKENS.REVOKED_AT.isNull())
        .execute() == 1;
  }

  @Override
  public void touch(TenantId tenant, UUID id) {
    dsl.update(API_TOKENS)
        .set(API_TOKENS.LAST_USED_AT, DSL.currentOffsetDateTime())
        .where(API_TOKENS.TENANT_ID.eq(tenant.value()), API_TOKENS.ID.eq(id))
        .execute();
  }

  private static ApiToken toToken(Record r) {
    OffsetDateTime lastUsed = r.get(API_TOKENS.LAST_USED_AT);
    OffsetDateTime revoked = r.get(API_TOKENS.REVOKED_AT);
    return new ApiToken(r.get(API_TOKENS.ID), new TenantId(r.get(API_TOKENS.TENANT_ID)),
        new UserId(r.get(API_TOKENS.USER_ID)), r.get(API_TOKENS.NAME), r.get(API_TOKENS.TOKEN_PREFIX),
        Role.fromKey(r.get(API_TOKENS.ROLE)).orElse(Role.VIEWER), r.get(API_TOKENS.CREATED_AT).toInstant(),
        lastUsed == null ? null : lastUsed.toInstant(), revoked == null ? null : revoked.toInstant());
  }
}
