package com.orbitcrm.tenancy.signin;

import com.orbitcrm.tenancy.SignInPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in policy as configured ({@code orbit.sign-in.*}; README and docs/architecture.md, "Signing in"). Each
 * limit is a number of attempts per window, refilled evenly: 5 per 15 minutes lets 5 tries at once, then one more
 * every 3 minutes.
 *
 * @param accountAttempts sign-ins per e-mail without a success, per {@code accountWindow}.
 * @param addressAttempts sign-ins per client address ({@code request.getRemoteAddr()}), per {@code addressWindow}.
 * @param lockAfter failures in a row that lock the e-mail, for {@code lockFor} or until a reset or an admin's unlock.
 * @param resetAccountAttempts reset links sent to one e-mail per {@code resetAccountWindow}.
 * @param resetAddressAttempts reset links asked for from one client address per {@code resetAddressWindow}.
 */
@ConfigurationProperties("orbit.sign-in")
public record SignInProperties(
    @DefaultValue("5") int accountAttempts,
    @DefaultValue("15m") Duration accountWindow,
    @DefaultValue("50") int addressAttempts,
    @DefaultValue("15m") Duration addressWindow,
    @DefaultValue("20") int lockAfter,
    @DefaultValue("1h") Duration lockFor,
    @DefaultValue("3") int resetAccountAttempts,
    @DefaultValue("1h") Duration resetAccountWindow,
    @DefaultValue("20") int resetAddressAttempts,
    @DefaultValue("15m") Duration resetAddressWindow) {

  /** The policy these settings describe (its own constructor refuses nonsense, so a bad setting stops the start). */
  public SignInPolicy policy() {
    return new SignInPolicy(
        new SignInPolicy.Limit(accountAttempts, accountWindow),
        new SignInPolicy.Limit(addressAttempts, addressWindow),
        lockAfter, lockFor,
        new SignInPolicy.Limit(resetAccountAttempts, resetAccountWindow),
        new SignInPolicy.Limit(resetAddressAttempts, resetAddressWindow));
  }
}
