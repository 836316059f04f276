package com.orbitcrm.tenancy.jooq;

import static org.orbitcrm.db.jooq.Tables.PASSWORD_RESETS;

import com.orbitcrm.tenancy.PasswordReset;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.port.PasswordResets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Password reset links (password_resets, V12): a global table, looked at before anyone is signed in, through
 * the "password-reset" door. A link is found by the hash of the secret its holder presents, never listed.
 */
@Repository
class JooqPasswordResets implements PasswordResets {

  private static final String DOOR = "password-reset";
  private final DSLContext dsl;

  JooqPasswordResets(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public void create(String hash, UserId user, Instant expiresAt, @Nullable UserId createdBy) {
    TransactionScopes.openDoor(DOOR);
    dsl.insertInto(PASSWORD_RESETS)
        .set(PASSWORD_RESETS.TOKEN_HASH, hash)
        .set(PASSWORD_RESETS.USER_ID, user.value())
        .set(PASSWORD_RESETS.EXPIRES_AT, expiresAt.atOffset(ZoneOffset.UTC))
        .set(PASSWORD_RESETS.CREATED_BY, createdBy == null ? null : createdBy.value())
        .execute();
  }

  @Override
  public Optional<PasswordReset> find(String hash) {
    TransactionScopes.openDoor(DOOR);
    return dsl.selectFrom(PASSWORD_RESETS).where(PASSWORD_RESETS.TOKEN_HASH.eq(hash)).fetchOptional(r -> {
      OffsetDateTime used = r.getUsedAt();
      return new PasswordReset(r.getTokenHash(), new UserId(r.getUserId()), r.getExpiresAt().toInstant(),
          used == null ? null : used.toInstant());
    });
  }

  @Override
  public boolean spend(String hash, Instant now) {
    TransactionScopes.openDoor(DOOR);
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    return dsl.update(PASSWORD_RESETS)
        .set(PASSWORD_RESETS.USED_AT, at)
        .where(PASSWORD_RESETS.TOKEN_HASH.eq(hash))
        .and(PASSWORD_RESETS.USED_AT.isNull())
        .and(PASSWORD_RESETS.EXPIRES_AT.gt(at))
        .execute() == 1;
  }

  @Override
  public void spendAllOf(UserId user, Instant now) {
    TransactionScopes.openDoor(DOOR);
    dsl.update(PASSWORD_RESETS)
        .set(PASSWORD_RESETS.USED_AT, now.atOffset(ZoneOffset.UTC))
        .where(PASSWORD_RESETS.USER_ID.eq(user.value()))
        .and(PASSWORD_RESETS.USED_AT.isNull())
        .execute();
  }

  @Override
  public int deleteExpired(Instant before) {
    TransactionScopes.openDoor(DOOR);
    return dsl.deleteFrom(PASSWORD_RESETS).where(PASSWORD_RESETS.EXPIRES_AT.lt(before.atOffset(ZoneOffset.UTC)))
        .execute();
  }
}
