package com.orbitcrm.tenancy.app;

import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.SignInChannel;
import com.orbitcrm.tenancy.SignInFailure;
import com.orbitcrm.tenancy.SignInLock;
import com.orbitcrm.tenancy.SignInPolicy;
import com.orbitcrm.tenancy.SignInRefusal;
import com.orbitcrm.tenancy.SignInRefusal.Reason;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.port.SignInRecords;
import com.orbitcrm.tenancy.port.SignInThrottle;
import com.orbitcrm.tenancy.port.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.log.LogAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Keeps password guessing slow on every way in (form, HTTP Basic, {@code POST /api/tokens}), as the
 * {@link SignInPolicy} says: {@link #admit} before the password is looked at (a locked e-mail, or one with no
 * attempts left for it or its client address, is refused whatever the password), then {@link #failed} or
 * {@link #succeeded}. Every count is in the database, so it holds across instances. An e-mail no account has is
 * counted and locked exactly like a real one: the answers tell nobody whether an account exists.
 */
@Service
public class SignInGuard {

  private static final LogAccessor log = new LogAccessor(SignInGuard.class);
  /** Failed sign-ins kept per account for its owner to see. */
  static final int KEEP_FAILURES = 50;
  /** A run of failures that stopped this long ago (and locks nothing) is forgotten by housekeeping. */
  static final Duration FORGET_AFTER = Duration.ofDays(1);

  private final SignInThrottle throttle;
  private final SignInRecords records;
  private final Users users;
  private final MemberService members;
  private final SignInPolicy policy;
  private final Clock clock;
  /** Short transactions around the records only: a bucket is never taken while a connection is held. */
  private final TransactionOperations transactions;

  SignInGuard(SignInThrottle throttle, SignInRecords records, Users users, MemberService members, SignInPolicy policy,
              Clock clock, TransactionOperations transactions) {
    this.transactions = transactions;
    this.throttle = throttle;
    this.records = records;
    this.users = users;
    this.members = members;
    this.policy = policy;
    this.clock = clock;
  }

  public SignInPolicy policy() {
    return policy;
  }

  /**
   * Whether someone may try a password for {@code typedEmail} from {@code address} now. Takes one attempt from
   * the address's and the e-mail's allowance (a success gives them back); refused, nothing is taken.
   */
  public Optional<SignInRefusal> admit(String typedEmail, String address) {
    String email = SignInPolicy.emailKey(typedEmail);
    Instant now = clock.instant();
    Optional<Duration> locked = transactions.execute(tx -> {
      Optional<SignInLock> lock = records.lock(email);
      if (lock.isPresent() && lock.get().expired(now)) {
        records.clear(email); // the lock ran out: its failures no longer count
      }
      return lock.flatMap(l -> l.remaining(now));
    });
    if (locked != null && locked.isPresent()) {
      return Optional.of(new SignInRefusal(Reason.LOCKED, locked.get()));
    }
    Optional<Duration> fromAddress = throttle.take(addressKey(address), policy.address());
    if (fromAddress.isPresent()) {
      return Optional.of(new SignInRefusal(Reason.THROTTLED, fromAddress.get()));
    }
    Optional<Duration> forEmail = throttle.take(accountKey(email), policy.account());
    if (forEmail.isPresent()) {
      throttle.giveBack(addressKey(address), policy.address());
      return Optional.of(new SignInRefusal(Reason.THROTTLED, forEmail.get()));
    }
    return Optional.empty();
  }

  /** The password was wrong (or no account has the e-mail): one more failure in a row, perhaps a lock. */
  @Transactional
  public void failed(String typedEmail, String address, SignInChannel channel) {
    String email = SignInPolicy.emailKey(typedEmail);
    Instant now = clock.instant();
    int inARow = records.countFailure(email, now);
    policy.lockedUntil(inARow, now).ifPresent(until -> {
      records.lockUntil(email, until);
      log.warn(() -> "Sign-in locked after " + inARow + " failures in a row (last from " + address + ") until " + until);
    });
    if (EmailAddress.problem(email).isEmpty()) {
      users.findByEmail(new EmailAddress(email))
          .ifPresent(account -> records.log(account.id(), now, address, channel, KEEP_FAILURES));
    }
  }

  /** The password was right: the e-mail's attempts come back, its run of failures ends. */
  public void succeeded(String typedEmail, String address) {
    String email = SignInPolicy.emailKey(typedEmail);
    throttle.forget(accountKey(email));
    throttle.giveBack(addressKey(address), policy.address());
    transactions.executeWithoutResult(tx -> records.clear(email));
  }

  /** Unlocks an e-mail and gives its attempts back (its password was just reset, or an admin unlocked it). */
  void release(EmailAddress email) {
    String key = SignInPolicy.emailKey(email.value());
    records.clear(key);
    throttle.forget(accountKey(key));
  }

  /** The signed-in person's own lock, if their e-mail is locked now. */
  @Transactional(readOnly = true)
  public Optional<SignInLock> myLock() {
    UserId me = TenantContext.require().requireUser();
    Instant now = clock.instant();
    return users.find(me).flatMap(a -> records.lock(SignInPolicy.emailKey(a.email().value())))
        .filter(l -> l.locked(now) || l.consecutiveFailures() > 0);
  }

  /** The signed-in person's own latest failed sign-ins, newest first. */
  @Transactional(readOnly = true)
  public List<SignInFailure> myRecentFailures(int limit) {
    return records.recentFailures(TenantContext.require().requireUser(), limit);
  }

  /** Which of these members of the current workspace are locked out now. */
  @Transactional(readOnly = true)
  public Set<UserId> lockedAmong(Collection<Member> members) {
    TenantContext.require();
    Instant now = clock.instant();
    Map<String, SignInLock> locks = records.locks(members.stream()
        .map(m -> SignInPolicy.emailKey(m.email().value())).toList());
    return members.stream()
        .filter(m -> {
          SignInLock l = locks.get(SignInPolicy.emailKey(m.email().value()));
          return l != null && l.locked(now);
        })
        .map(Member::user)
        .collect(Collectors.toSet());
  }

  /** Unlocks a member of the current workspace (admins and owners). */
  @Transactional
  public Member unlock(UserId user) {
    TenantContext.requireAdmin();
    Member member = members.member(user);
    release(member.email());
    log.info(() -> "Sign-in of a member unlocked by an admin of workspace " + TenantContext.requireTenant());
    return member;
  }

  /** Forgets runs of failures that ended long ago and buckets that are full again. */
  public void forgetStale() {
    Integer deleted = transactions.execute(tx -> records.deleteStale(clock.instant().minus(FORGET_AFTER)));
    int runs = deleted == null ? 0 : deleted;
    int buckets = throttle.deleteFull();
    if (runs + buckets > 0) {
      log.debug(() -> "Sign-in housekeeping: " + runs + " old runs of failures and " + buckets + " full buckets deleted");
    }
  }

  static String accountKey(String emailKey) {
    return "sign-in:account:" + emailKey;
  }

  static String addressKey(String address) {
    return "sign-in:address:" + address;
  }
}
