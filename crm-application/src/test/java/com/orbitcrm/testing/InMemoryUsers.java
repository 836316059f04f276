package com.orbitcrm.testing;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.port.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import java.util.UUID;

/** The people who can sign in, in memory; a taken e-mail is a conflict, as the unique index makes it. */
public class InMemoryUsers implements Users {

  private final Map<UserId, UserAccount> accounts = new LinkedHashMap<>();
  private final Map<UserId, Instant> signIns = new LinkedHashMap<>();
  private final Map<UserId, ZoneId> zones = new LinkedHashMap<>();
  private final Clock clock;

  public InMemoryUsers(Clock clock) {
    this.clock = clock;
  }

  /** A new account (password hash "test"), stored: for tests that need a person. */
  public UserAccount person(String name, String email) {
    var account = new UserAccount(new UserId(UUID.randomUUID()), new EmailAddress(email), name, "test");
    create(account);
    return account;
  }

  @Override
  public Optional<UserAccount> findByEmail(EmailAddress email) {
    return accounts.values().stream().filter(a -> a.email().equals(email)).findFirst();
  }

  @Override
  public Optional<UserAccount> find(UserId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public void create(UserAccount user) {
    if (accounts.containsKey(user.id()) || findByEmail(user.email()).isPresent()) {
      throw new ConflictException(user.email() + " is already taken");
    }
    accounts.put(user.id(), user);
  }

  @Override
  public void recordSignIn(UserId id) {
    if (accounts.containsKey(id)) {
      signIns.put(id, clock.instant());
    }
  }

  @Override
  public void changePassword(UserId id, String passwordHash) {
    var a = accounts.get(id);
    if (a != null) {
      accounts.put(id, new UserAccount(a.id(), a.email(), a.name(), passwordHash));
    }
  }

  @Override
  public Optional<UserAccount> findProven(UserId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public int workspaceCount(UserId id) {
    return 1;
  }

  @Override
  public Optional<ZoneId> timeZone(UserId id) {
    return Optional.ofNullable(zones.get(id));
  }

  @Override
  public void changeTimeZone(UserId id, @Nullable ZoneId zone) {
    if (zone == null) {
      zones.remove(id);
    } else {
      zones.put(id, zone);
    }
  }

  public Optional<Instant> lastSignIn(UserId id) {
    return Optional.ofNullable(signIns.get(id));
  }
}
