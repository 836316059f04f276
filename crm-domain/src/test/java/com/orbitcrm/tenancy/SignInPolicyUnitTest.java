package com.orbitcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInPolicyUnitTest {

  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  final SignInPolicy policy = SignInPolicy.DEFAULT;

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertThat(policy.account()).isEqualTo(new SignInPolicy.Limit(5, Duration.ofMinutes(15)));
    assertThat(policy.address()).isEqualTo(new SignInPolicy.Limit(50, Duration.ofMinutes(15)));
    assertThat(policy.lockAfter()).isEqualTo(20);
    assertThat(policy.lockFor()).isEqualTo(Duration.ofHours(1));
    // The per-address limit is higher than the per-account one: one office, many people.
    assertThat(policy.address().attempts()).isGreaterThan(policy.account().attempts());
  }

  @Test
  void aLimitGivesOneAttemptBackEveryWindowDividedByItsAttempts() {
    assertThat(policy.account().oneMoreAfter()).isEqualTo(Duration.ofMinutes(3));
    assertThat(policy.address().oneMoreAfter()).isEqualTo(Duration.ofSeconds(18));
  }

  @Test
  void theTwentiethFailureInARowLocksForAnHourAndNotBefore() {
    assertThat(policy.locks(19)).isFalse();
    assertThat(policy.lockedUntil(19, NOW)).isEmpty();
    assertThat(policy.locks(20)).isTrue();
    assertThat(policy.lockedUntil(20, NOW)).contains(NOW.plus(Duration.ofHours(1)));
    assertThat(policy.lockedUntil(35, NOW)).contains(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void aLockRefusesUntilItRunsOutAndThenItsFailuresNoLongerCount() {
    var lock = new SignInLock("ada@example.com", 20, NOW, NOW.plus(Duration.ofHours(1)));
    assertThat(lock.locked(NOW)).isTrue();
    assertThat(lock.remaining(NOW.plusSeconds(60))).contains(Duration.ofMinutes(59));
    assertThat(lock.expired(NOW.plusSeconds(60))).isFalse();
    Instant later = NOW.plus(Duration.ofHours(1));
    assertThat(lock.locked(later)).isFalse();
    assertThat(lock.expired(later)).isTrue();
    // A run of failures without a lock is neither locked nor expired.
    var run = new SignInLock("ada@example.com", 3, NOW, null);
    assertThat(run.locked(NOW)).isFalse();
    assertThat(run.expired(NOW)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"PT0S, 1, 1", "PT0.2S, 1, 1", "PT1S, 1, 1", "PT59S, 1, 59", "PT60S, 1, 60", "PT61S, 2, 61",
      "PT2M59.1S, 3, 180", "PT1H, 60, 3600"})
  void waitsAreToldInWholeMinutesAndSecondsRoundedUp(Duration wait, long minutes, long seconds) {
    assertThat(SignInPolicy.minutes(wait)).isEqualTo(minutes);
    assertThat(SignInPolicy.seconds(wait)).isEqualTo(seconds);
  }

  @Test
  void theRefusalSaysTheSameForEveryEmailAndNamesTheWait() {
    var throttled = new SignInRefusal(SignInRefusal.Reason.THROTTLED, Duration.ofSeconds(170));
    assertThat(throttled.message()).isEqualTo("Too many sign-in attempts. Wait 3 minutes and try again, or reset your password.");
    assertThat(throttled.seconds()).isEqualTo(170);
    var locked = new SignInRefusal(SignInRefusal.Reason.LOCKED, Duration.ofSeconds(40));
    assertThat(locked.message()).contains("locked").contains("wait a minute").contains("Reset your password");
  }

  @Test
  void emailsAreCountedTrimmedInLowerCaseAndBounded() {
    assertThat(SignInPolicy.emailKey("  Ada@Example.COM ")).isEqualTo("ada@example.com");
    assertThat(SignInPolicy.emailKey(null)).isEmpty();
    assertThat(SignInPolicy.emailKey("x".repeat(400))).hasSize(255);
  }

  @Test
  void nonsenseIsRefusedWhenThePolicyIsMade() {
    var ok = new SignInPolicy.Limit(5, Duration.ofMinutes(15));
    assertThatThrownBy(() -> new SignInPolicy.Limit(0, Duration.ofMinutes(15))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SignInPolicy.Limit(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SignInPolicy(ok, ok, 0, Duration.ofHours(1), ok, ok))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lock-after");
    assertThatThrownBy(() -> new SignInPolicy(ok, ok, 20, Duration.ofSeconds(-1), ok, ok))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lock-for");
  }

  @Test
  void aResetLinkWorksOnceAndNotAfterItExpires() {
    var user = new UserId(java.util.UUID.randomUUID());
    var open = new PasswordReset("h", user, NOW.plusSeconds(60), null);
    assertThat(open.problem(NOW)).isEmpty();
    assertThat(open.problem(NOW.plusSeconds(60))).get().asString().contains("expired");
    assertThat(new PasswordReset("h", user, NOW.plusSeconds(60), NOW).problem(NOW)).get().asString().contains("already used");
    var secret = ResetSecret.generate();
    assertThat(secret.secret()).hasSize(43);
    assertThat(ResetSecret.plausible(secret.secret())).isTrue();
    assertThat(secret.hash()).isEqualTo(TokenSecret.hash(secret.secret())).hasSize(64);
    assertThat(ResetSecret.plausible("short")).isFalse();
    assertThat(ResetSecret.plausible("é".repeat(43))).isFalse();
    assertThat(secret.toString()).doesNotContain(secret.secret());
  }
}
