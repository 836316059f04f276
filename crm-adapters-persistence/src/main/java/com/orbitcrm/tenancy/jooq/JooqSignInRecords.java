package com.orbitcrm.tenancy.jooq;

import static org.orbitcrm.db.jooq.Tables.SIGN_IN_FAILURES;
import static org.orbitcrm.db.jooq.Tables.SIGN_IN_LOCKS;

import com.orbitcrm.tenancy.SignInChannel;
import com.orbitcrm.tenancy.SignInFailure;
import com.orbitcrm.tenancy.SignInLock;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.port.SignInRecords;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins in a row per e-mail (sign_in_locks) and each account's log of failed sign-ins
 * (sign_in_failures): global tables of V12, without row-level security, touched only here, through the
 * "sign-in" door (they are looked at before a workspace is chosen).
 */
@Repository
class JooqSignInRecords implements SignInRecords {

  static final String DOOR = "sign-in";
  private final DSLContext dsl;

  JooqSignInRecords(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Optional<SignInLock> lock(String email) {
    TransactionScopes.openDoor(DOOR);
    return dsl.selectFrom(SIGN_IN_LOCKS).where(SIGN_IN_LOCKS.EMAIL.eq(email)).fetchOptional(JooqSignInRecords::toLock);
  }

  @Override
  public int countFailure(String email, Instant at) {
    TransactionScopes.openDoor(DOOR);
    OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
    // One statement, so that two failures at the same moment (two instances) both count.
    return dsl.insertInto(SIGN_IN_LOCKS)
        .set(SIGN_IN_LOCKS.EMAIL, email)
        .set(SIGN_IN_LOCKS.CONSECUTIVE_FAILURES, 1)
        .set(SIGN_IN_LOCKS.LAST_FAILURE_AT, when)
        .onConflict(SIGN_IN_LOCKS.EMAIL)
        .doUpdate()
        .set(SIGN_IN_LOCKS.CONSECUTIVE_FAILURES, SIGN_IN_LOCKS.CONSECUTIVE_FAILURES.plus(1))
        .set(SIGN_IN_LOCKS.LAST_FAILURE_AT, when)
        .returning(SIGN_IN_LOCKS.CONSECUTIVE_FAILURES)
        .fetchOne(SIGN_IN_LOCKS.CONSECUTIVE_FAILURES);
  }

  @Override
  public void lockUntil(String email, Instant until) {
    TransactionScopes.openDoor(DOOR);
    dsl.update(SIGN_IN_LOCKS)
        .set(SIGN_IN_LOCKS.LOCKED_UNTIL, until.atOffset(ZoneOffset.UTC))
        .where(SIGN_IN_LOCKS.EMAIL.eq(email))
        .execute();
  }

  @Override
  public void clear(String email) {
    TransactionScopes.openDoor(DOOR);
    dsl.deleteFrom(SIGN_IN_LOCKS).where(SIGN_IN_LOCKS.EMAIL.eq(email)).execute();
  }

  @Override
  public Map<String, SignInLock> locks(Collection<String> emails) {
    if (emails.isEmpty()) {
      return Map.of();
    }
    TransactionScopes.openDoor(DOOR);
    return dsl.selectFrom(SIGN_IN_LOCKS).where(SIGN_IN_LOCKS.EMAIL.in(emails))
        .fetch(JooqSignInRecords::toLock).stream()
        .collect(Collectors.toMap(SignInLock::email, Function.identity()));
  }

  @Override
  public void log(UserId user, Instant at, String address, SignInChannel channel, int keep) {
    TransactionScopes.openDoor(DOOR);
    dsl.insertInto(SIGN_IN_FAILURES)
        .set(SIGN_IN_FAILURES.USER_ID, user.value())
        .set(SIGN_IN_FAILURES.FAILED_AT, at.atOffset(ZoneOffset.UTC))
        .set(SIGN_IN_FAILURES.ADDRESS, address.length() > 64 ? address.substring(0, 64) : address)
        .set(SIGN_IN_FAILURES.CHANNEL, channel.key())
        .execute();
    // Only the newest few are kept: an attacker cannot grow the table by more than that per account.
    dsl.deleteFrom(SIGN_IN_FAILURES)
        .where(SIGN_IN_FAILURES.USER_ID.eq(user.value()))
        .and(SIGN_IN_FAILURES.ID.notIn(DSL.select(SIGN_IN_FAILURES.ID).from(SIGN_IN_FAILURES)
            .where(SIGN_IN_FAILURES.USER_ID.eq(user.value()))
            .orderBy(SIGN_IN_FAILURES.FAILED_AT.desc(), SIGN_IN_FAILURES.ID.desc())
            .limit(keep)))
        .execute();
  }

  @Override
  public List<SignInFailure> recentFailures(UserId user, int limit) {
    TransactionScopes.openDoor(DOOR);
    return dsl.select(SIGN_IN_FAILURES.FAILED_AT, SIGN_IN_FAILURES.ADDRESS, SIGN_IN_FAILURES.CHANNEL)
        .from(SIGN_IN_FAILURES)
        .where(SIGN_IN_FAILURES.USER_ID.eq(user.value()))
        .orderBy(SIGN_IN_FAILURES.FAILED_AT.desc(), SIGN_IN_FAILURES.ID.desc())
        .limit(limit)
        .fetch(r -> new SignInFailure(r.get(SIGN_IN_FAILURES.FAILED_AT).toInstant(), r.get(SIGN_IN_FAILURES.ADDRESS),
            SignInChannel.of(r.get(SIGN_IN_FAILURES.CHANNEL))));
  }

  @Override
  public int deleteStale(Instant before) {
    TransactionScopes.openDoor(DOOR);
    OffsetDateTime cutoff = before.atOffset(ZoneOffset.UTC);
    return dsl.deleteFrom(SIGN_IN_LOCKS)
        .where(SIGN_IN_LOCKS.LAST_FAILURE_AT.lt(cutoff))
        .and(SIGN_IN_LOCKS.LOCKED_UNTIL.isNull().or(SIGN_IN_LOCKS.LOCKED_UNTIL.lt(cutoff)))
        .execute();
  }

  private static SignInLock toLock(Record r) {
    OffsetDateTime until = r.get(SIGN_IN_LOCKS.LOCKED_UNTIL);
    return new SignInLock(r.get(SIGN_IN_LOCKS.EMAIL), r.get(SIGN_IN_LOCKS.CONSECUTIVE_FAILURES),
        r.get(SIGN_IN_LOCKS.LAST_FAILURE_AT).toInstant(), until == null ? null : until.toInstant());
  }
}
