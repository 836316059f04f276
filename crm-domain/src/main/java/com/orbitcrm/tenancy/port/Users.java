package com.orbitcrm.tenancy.port;

import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.UserId;

import com.orbitcrm.platform.EmailAddress;

import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Secondary port: the people who can sign in. */
public interface Users {

  /** The account with this e-mail, for signing in or adding a colleague; visible only for this look-up. */
  Optional<UserAccount> findByEmail(EmailAddress email);

  Optional<UserAccount> find(UserId id);

  /**
   * The account whose owner has just proved who they are (with a password reset link), before any workspace is
   * chosen: opens that one row only.
   */
  Optional<UserAccount> findProven(UserId id);

  /** @throws com.orbitcrm.platform.ConflictException when the e-mail is taken. */
  void create(UserAccount user);

  void recordSignIn(UserId id);

  /** Sets the account's password hash (a reset link or the person themself: the caller has checked which). */
  void changePassword(UserId id, String passwordHash);

  /** How many workspaces the account belongs to, all of them, not only those the caller can see. */
  int workspaceCount(UserId id);

  /** The time zone the person chose for themself (calendar, times shown to them), if they chose one. */
  Optional<ZoneId> timeZone(UserId id);

  /** Sets (or with {@literal null} clears) the person's own time zone; only they may. */
  void changeTimeZone(UserId id, @Nullable ZoneId zone);
}
