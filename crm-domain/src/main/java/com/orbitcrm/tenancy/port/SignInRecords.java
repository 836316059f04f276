package com.orbitcrm.tenancy.port;

import com.orbitcrm.tenancy.SignInChannel;
import com.orbitcrm.tenancy.SignInFailure;
import com.orbitcrm.tenancy.SignInLock;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secondary port: failed sign-ins in a row per e-mail (and the lock they lead to), and the log of failed
 * sign-ins of each account. Global, not per workspace.
 */
public interface SignInRecords {

  Optional<SignInLock> lock(String email);

  /** One more failure in a row for {@code email}; answers how many there are now. */
  int countFailure(String email, Instant at);

  void lockUntil(String email, Instant until);

  /** Forgets the failures in a row of {@code email} and its lock. */
  void clear(String email);

  /** The locks among these e-mails (the members of a workspace), by e-mail. */
  Map<String, SignInLock> locks(Collection<String> emails);

  /** Logs a failed sign-in of an account, keeping its newest {@code keep} entries. */
  void log(UserId user, Instant at, String address, SignInChannel channel, int keep);

  /** The account's newest failed sign-ins, newest first. */
  List<SignInFailure> recentFailures(UserId user, int limit);

  /** Deletes what no longer matters: runs of failures that ended before {@code before} and are not locked. */
  int deleteStale(Instant before);
}
