package com.orbitcrm.tenancy.port;

import com.orbitcrm.tenancy.PasswordReset;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Secondary port: password reset links, by the hash of their secret. Global, not per workspace. */
public interface PasswordResets {

  void create(String hash, UserId user, Instant expiresAt, @Nullable UserId createdBy);

  Optional<PasswordReset> find(String hash);

  /**
   * Uses the link: only once, and only before it expires (checked by the database in one statement, so two
   * requests racing with the same link cannot both win).
   *
   * @return whether this call used it.
   */
  boolean spend(String hash, Instant now);

  /** Spends every other open link of the account (its password just changed). */
  void spendAllOf(UserId user, Instant now);

  /** Deletes links that expired before {@code before}; answers how many. */
  int deleteExpired(Instant before);
}
