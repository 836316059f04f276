package com.orbitcrm.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How hard guessing passwords is made, on every way in (the sign-in form, HTTP Basic on the API, and
 * {@code POST /api/tokens}, which takes Basic too). Three rules, each counted in the database so that it
 * holds across instances and restarts:
 *
 * <ul>
 *   <li><b>per account</b> (the e-mail typed, whether or not an account has it, so that the answers reveal
 *       nothing): {@link #account()} — a burst of {@code attempts} sign-ins without a success, then one more
 *       every {@code window / attempts}; past that, "too many attempts, wait N minutes", without looking at
 *       the password;</li>
 *   <li><b>per client address</b>: {@link #address()}, the same kind of limit, higher (one office, many
 *       people);</li>
 *   <li><b>lock</b>: {@link #lockAfter()} failures in a row lock the e-mail for {@link #lockFor()} (or until a
 *       password reset, or an admin unlocks it).</li>
 * </ul>
 *
 * A successful sign-in gives the account its attempts back and ends its run of failures. Asking for a
 * password reset link is limited the same way ({@link #resetAccount()}, {@link #resetAddress()}).
 */
public record SignInPolicy(Limit account, Limit address, int lockAfter, Duration lockFor,
                           Limit resetAccount, Limit resetAddress) {

  /** 5 sign-ins per 15 minutes per account, 50 per client address, a lock of an hour after 20 failures in a row. */
  public static final SignInPolicy DEFAULT = new SignInPolicy(
      new Limit(5, Duration.ofMinutes(15)), new Limit(50, Duration.ofMinutes(15)), 20, Duration.ofHours(1),
      new Limit(3, Duration.ofHours(1)), new Limit(20, Duration.ofMinutes(15)));

  public SignInPolicy {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(resetAccount, "resetAccount");
    Objects.requireNonNull(resetAddress, "resetAddress");
    if (lockAfter < 1) {
      throw new IllegalArgumentException("lock-after must be at least 1, was " + lockAfter);
    }
    if (lockFor == null || lockFor.isNegative() || lockFor.isZero()) {
      throw new IllegalArgumentException("lock-for must be a positive duration, was " + lockFor);
    }
  }

  /**
   * At most {@code attempts} at once, and one more every {@code window / attempts}: a token bucket of that size
   * refilled evenly over the window.
   */
  public record Limit(int attempts, Duration window) {
    public Limit {
      if (attempts < 1) {
        throw new IllegalArgumentException("a limit needs at least one attempt, was " + attempts);
      }
      if (window == null || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("a limit needs a positive window, was " + window);
      }
    }

    /** How long until one more attempt is allowed once all are used. */
    public Duration oneMoreAfter() {
      return window.dividedBy(attempts);
    }
  }

  /** Whether {@code consecutiveFailures} failures in a row lock the e-mail. */
  public boolean locks(int consecutiveFailures) {
    return consecutiveFailures >= lockAfter;
  }

  /** Until when the e-mail is locked after its {@code consecutiveFailures}-th failure in a row at {@code now}. */
  public Optional<Instant> lockedUntil(int consecutiveFailures, Instant now) {
    return locks(consecutiveFailures) ? Optional.of(now.plus(lockFor)) : Optional.empty();
  }

  /** How long a lock that lasts {@code until} still refuses sign-ins at {@code now}; empty when there is none. */
  public static Optional<Duration> remaining(@Nullable Instant until, Instant now) {
    return until == null || !until.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, until));
  }

  /** A wait as people are told it: whole minutes, rounded up, at least one. */
  public static long minutes(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Math.max(1, (seconds + 59) / 60);
  }

  /** A wait as {@code Retry-After} says it: whole seconds, rounded up, at least one. */
  public static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  /**
   * The key an e-mail is counted under: trimmed and lower-case, as accounts store it, and at most 255 characters
   * (anything typed is counted, not only addresses that could be an account).
   */
  public static String emailKey(@Nullable String typed) {
    String key = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
    return key.length() > 255 ? key.substring(0, 255) : key;
  }
}
