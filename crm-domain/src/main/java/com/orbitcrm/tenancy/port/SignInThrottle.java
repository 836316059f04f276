package com.orbitcrm.tenancy.port;

import com.orbitcrm.tenancy.SignInPolicy.Limit;
import java.time.Duration;
import java.util.Optional;

/**
 * Secondary port: token buckets shared by every instance (one per key: an e-mail or a client address, for
 * signing in or for asking for a reset link). The adapter keeps them in the database.
 */
public interface SignInThrottle {

  /** Takes one attempt from {@code key}'s bucket; when none is left, answers how long until one is. */
  Optional<Duration> take(String key, Limit limit);

  /** Gives one attempt back (it did not count after all). */
  void giveBack(String key, Limit limit);

  /** Forgets {@code key}: its bucket is full again. */
  void forget(String key);

  /** Deletes buckets that are full again anyway (housekeeping); answers how many went. */
  int deleteFull();
}
