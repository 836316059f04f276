package com.orbitcrm.tenancy.port;

import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.UserId;

import com.orbitcrm.platform.EmailAddress;

import java.util.Optional;

/** Secondary port: the people who can sign in. */
public interface Users {

  /** The account with this e-mail, for signing in or adding a colleague; visible only for this look-up. */
  Optional<UserAccount> findByEmail(EmailAddress email);

  Optional<UserAccount> find(UserId id);

  /** @throws com.orbitcrm.platform.ConflictException when the e-mail is taken. */
  void create(UserAccount user);

  void recordSignIn(UserId id);
}
