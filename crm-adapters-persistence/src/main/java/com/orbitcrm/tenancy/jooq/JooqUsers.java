package com.orbitcrm.tenancy.jooq;

import static org.orbitcrm.db.jooq.Tables.USERS;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.port.Users;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class JooqUsers implements Users {

  private final DSLContext dsl;

  JooqUsers(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Optional<UserAccount> findByEmail(EmailAddress email) {
    Settings.set(dsl, "orbit.login_email", email.value());
    return dsl.select(USERS.ID, USERS.EMAIL, USERS.NAME, USERS.PASSWORD_HASH)
        .from(USERS)
        .where(USERS.EMAIL.eq(email.value()))
        .fetchOptional(JooqUsers::toAccount);
  }

  @Override
  public Optional<UserAccount> find(UserId id) {
    return dsl.select(USERS.ID, USERS.EMAIL, USERS.NAME, USERS.PASSWORD_HASH)
        .from(USERS)
        .where(USERS.ID.eq(id.value()))
        .fetchOptional(JooqUsers::toAccount);
  }

  @Override
  public Optional<UserAccount> findProven(UserId id) {
    Settings.set(dsl, "orbit.user_id", id.toString());
    return find(id);
  }

  @Override
  public void changePassword(UserId id, String passwordHash) {
    Settings.set(dsl, "orbit.user_id", id.toString());
    dsl.update(USERS)
        .set(USERS.PASSWORD_HASH, passwordHash)
        .where(USERS.ID.eq(id.value()))
        .execute();
  }

  @Override
  public int workspaceCount(UserId id) {
    TransactionScopes.openDoor("workspace-count");
    Integer n = dsl.fetchValue(DSL.field("orbit_workspace_count_of({0})", Integer.class, DSL.val(id.value())));
    return n == null ? 0 : n;
  }

  @Override
  public void create(UserAccount user) {
    try {
      // No RETURNING: a new colleague's row is not visible to the admin until they have joined.
      dsl.insertInto(USERS)
          .set(USERS.ID, user.id().value())
          .set(USERS.EMAIL, user.email().value())
          .set(USERS.NAME, user.name())
          .set(USERS.PASSWORD_HASH, user.passwordHash())
          .execute();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("An account with this e-mail address already exists");
    }
  }

  @Override
  public void recordSignIn(UserId id) {
    Settings.set(dsl, "orbit.user_id", id.toString());
    dsl.update(USERS)
        .set(USERS.LAST_LOGIN_AT, OffsetDateTime.now())
        .where(USERS.ID.eq(id.value()))
        .execute();
  }

  @Override
  public Optional<ZoneId> timeZone(UserId id) {
    return dsl.select(USERS.TIME_ZONE).from(USERS).where(USERS.ID.eq(id.value()))
        .fetchOptional(USERS.TIME_ZONE)
        .flatMap(zone -> {
          try {
            return Optional.of(ZoneId.of(zone));
          } catch (DateTimeException e) {
            return Optional.empty(); // a zone the JDK no longer knows: as if none was chosen
          }
        });
  }

  @Override
  public void changeTimeZone(UserId id, @Nullable ZoneId zone) {
    Settings.set(dsl, "orbit.user_id", id.toString());
    dsl.update(USERS)
        .set(USERS.TIME_ZONE, zone == null ? null : zone.getId())
        .where(USERS.ID.eq(id.value()))
        .execute();
  }

  private static UserAccount toAccount(Record r) {
    return new UserAccount(new UserId(r.get(USERS.ID)), new EmailAddress(r.get(USERS.EMAIL)), r.get(USERS.NAME),
        r.get(USERS.PASSWORD_HASH));
  }
}
