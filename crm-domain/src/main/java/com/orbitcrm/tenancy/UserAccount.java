package com.orbitcrm.tenancy;

import com.orbitcrm.platform.EmailAddress;

import java.util.Objects;

/**
 * A person who can sign in, with the hash (never the text) of their password.
 *
 * @param name shown to colleagues; 1 to 255 characters.
 */
public record UserAccount(UserId id, EmailAddress email, String name, String passwordHash) {

  public static final int MAX_NAME = 255;

  public UserAccount {
    Objects.requireNonNull(id);
    Objects.requireNonNull(email);
    Objects.requireNonNull(passwordHash);
    name = Objects.requireNonNull(name).strip();
  }

  /** Two letters for an avatar. */
  public String initials() {
    return Initials.of(name);
  }
}
