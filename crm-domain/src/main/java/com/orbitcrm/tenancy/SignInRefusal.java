package com.orbitcrm.tenancy;

import java.time.Duration;
import java.util.Objects;

/**
 * A sign-in refused before its password was looked at: too many attempts (for the e-mail or from the address),
 * or the e-mail is locked. {@code retryAfter} is how long until trying again can succeed.
 */
public record SignInRefusal(Reason reason, Duration retryAfter) {

  public enum Reason { THROTTLED, LOCKED }

  public SignInRefusal {
    Objects.requireNonNull(reason);
    Objects.requireNonNull(retryAfter);
  }

  public long minutes() {
    return SignInPolicy.minutes(retryAfter);
  }

  public long seconds() {
    return SignInPolicy.seconds(retryAfter);
  }

  /** What the person is told: the same for every e-mail, whether or not an account has it. */
  public String message() {
    long m = minutes();
    String time = m == 1 ? "a minute" : m + " minutes";
    return reason == Reason.LOCKED
        ? "Too many failed sign-ins: this account is locked. Reset your password to unlock it now, or wait " + time + "."
        : "Too many sign-in attempts. Wait " + time + " and try again, or reset your password.";
  }
}
