package com.orbitcrm.tenancy.app;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.PasswordPolicy;
import com.orbitcrm.tenancy.PasswordReset;
import com.orbitcrm.tenancy.ResetSecret;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.SignInPolicy;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TokenSecret;
import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.port.AccountMail;
import com.orbitcrm.tenancy.port.AccountSessions;
import com.orbitcrm.tenancy.port.PasswordHasher;
import com.orbitcrm.tenancy.port.PasswordResets;
import com.orbitcrm.tenancy.port.SignInThrottle;
import com.orbitcrm.tenancy.port.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.log.LogAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Passwords after sign-up: a reset link by e-mail (or, with mail off, made by an admin), and a change by the
 * person themself. Whichever way a password changes, every other link of the account is spent, its lock and
 * throttle are cleared, and its sessions end (all of them after a reset; all but the one that changed it
 * otherwise).
 *
 * <p>A link's secret is 256 random bits, stored only as its SHA-256; it works once and for
 * {@code orbit.password-reset.lifetime} (an hour). Asking for one answers the same whether or not an account has
 * the address, and the mail is sent after the answer, so even the time taken tells nothing.
 */
@Service
public class PasswordService {

  private static final LogAccessor log = new LogAccessor(PasswordService.class);

  private final Users users;
  private final PasswordResets resets;
  private final AccountMail mail;
  private final AccountSessions sessions;
  private final SignInGuard guard;
  private final SignInThrottle throttle;
  private final PasswordHasher hasher;
  private final MemberService members;
  private final Clock clock;
  private final TransactionOperations transactions;
  private final Duration lifetime;
  /** {@code orbit.public-url}: the start of the links e-mails carry (read late: the port is known after start). */
  private final Supplier<String> publicUrl;

  PasswordService(Users users, PasswordResets resets, AccountMail mail, AccountSessions sessions, SignInGuard guard,
                  SignInThrottle throttle, PasswordHasher hasher, MemberService members, Clock clock,
                  TransactionOperations transactions, @Value("${orbit.password-reset.lifetime:1h}") Duration lifetime,
                  @Value("${orbit.public-url:}") String publicUrl, Environment environment) {
    this.users = users;
    this.resets = resets;
    this.mail = mail;
    this.sessions = sessions;
    this.guard = guard;
    this.throttle = throttle;
    this.hasher = hasher;
    this.members = members;
    this.clock = clock;
    this.transactions = transactions;
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("orbit.password-reset.lifetime must be positive, was " + lifetime);
    }
    this.lifetime = lifetime;
    String configured = publicUrl.strip();
    this.publicUrl = configured.isEmpty()
        // Unset (a developer's machine, tests): this instance on localhost — never the request's Host header.
        ? () -> "http://localhost:" + environment.getProperty("local.server.port",
            environment.getProperty("server.port", "8080"))
        : () -> configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
  }

  /** Whether reset links can be sent by e-mail (else an admin hands them out). */
  public boolean mailEnabled() {
    return mail.enabled();
  }

  public Duration lifetime() {
    return lifetime;
  }

  /**
   * Asks for a reset link for {@code typedEmail}: if an account has it and mail is on, a link goes out (after
   * the transaction, off the request's thread). Answers the wait when the client address asked too often; an
   * e-mail asked for too often is silently not sent to again, like one no account has.
   */
  public Optional<Duration> request(String typedEmail, String address) {
    SignInPolicy policy = guard.policy();
    Optional<Duration> wait = throttle.take("reset:address:" + address, policy.resetAddress());
    if (wait.isPresent()) {
      return wait;
    }
    String email = SignInPolicy.emailKey(typedEmail);
    if (EmailAddress.problem(email).isPresent() || !mail.enabled()) {
      return Optional.empty();
    }
    if (throttle.take("reset:account:" + email, policy.resetAccount()).isPresent()) {
      return Optional.empty();
    }
    // The buckets above are taken outside any transaction (each is one of its own): no request holds two
    // connections. The mail goes out after commit, off this thread.
    transactions.executeWithoutResult(tx -> users.findByEmail(new EmailAddress(email)).ifPresent(account -> {
      String link = create(account.id(), null);
      afterCommit(() -> {
        try {
          mail.sendPasswordReset(account.email(), account.name(), link, lifetime);
        } catch (RuntimeException e) {
          log.warn(e, () -> "A password reset link could not be sent");
        }
      });
    }));
    return Optional.empty();
  }

  /** Why the link with {@code secret} does not work, if it does not (for its page, before a password is typed). */
  @Transactional(readOnly = true)
  public Optional<String> problem(String secret) {
    return find(secret).map(r -> r.problem(clock.instant())).orElse(Optional.of(UNKNOWN));
  }

  private static final String UNKNOWN = "This link is not valid: ask for a new one.";

  /**
   * Sets a new password through a reset link.
   *
   * @throws ResetLinkGone when the link was used, has expired or does not exist.
   * @throws InvalidInputException when the password is too weak (the link still works).
   */
  @Transactional
  public void reset(String secret, @Nullable String newPassword) {
    Instant now = clock.instant();
    PasswordReset link = find(secret).orElseThrow(() -> new ResetLinkGone(UNKNOWN));
    link.problem(now).ifPresent(p -> {
      throw new ResetLinkGone(p);
    });
    UserAccount account = users.findProven(link.user()).orElseThrow(() -> new ResetLinkGone(UNKNOWN));
    checkStrength(newPassword, account);
    if (!resets.spend(link.hash(), now)) {
      throw new ResetLinkGone("This link was already used: ask for a new one.");
    }
    changed(account, hasher.hash(newPassword), now, null);
    log.info(() -> "Password of an account reset through a link");
  }

  /**
   * Changes the signed-in person's own password, given their current one. Their other sessions end;
   * {@code keepSession} (the one they are using) stays.
   */
  @Transactional
  public void change(@Nullable String current, @Nullable String newPassword, @Nullable String keepSession) {
    UserId me = TenantContext.require().requireUser();
    UserAccount account = users.find(me).orElseThrow();
    if (current == null || current.isEmpty() || !hasher.matches(current, account.passwordHash())) {
      throw InvalidInputException.of("currentPassword", "is not your current password");
    }
    checkStrength(newPassword, account);
    changed(account, hasher.hash(newPassword), clock.instant(), keepSession);
  }

  /**
   * A reset link for a member of the current workspace, made by an admin or owner when e-mail is off and shown to
   * them once. Not for oneself (change it in the profile), not for an owner unless by an owner, and not for an
   * account that also belongs to other workspaces (that would hand its access there to this workspace's admins).
   */
  @Transactional
  public String linkFor(UserId user) {
    var scope = TenantContext.requireAdmin();
    Member member = members.member(user);
    if (user.equals(scope.user())) {
      throw new ConflictException("Change your own password in your profile");
    }
    if (member.role() == Role.OWNER && scope.role() != Role.OWNER) {
      throw new ForbiddenException("Only an owner can make a reset link for an owner");
    }
    if (users.workspaceCount(user) > 1) {
      throw new ConflictException(member.name() + " also belongs to other workspaces: they reset their password "
          + "themselves, from the sign-in page");
    }
    return create(user, scope.user());
  }

  /** Deletes links that expired a day ago or more. */
  @Transactional
  public void deleteExpiredLinks() {
    resets.deleteExpired(clock.instant().minus(Duration.ofDays(1)));
  }

  private String create(UserId user, @Nullable UserId by) {
    ResetSecret secret = ResetSecret.generate();
    resets.create(secret.hash(), user, clock.instant().plus(lifetime), by);
    return publicUrl.get() + "/password/reset/" + secret.secret();
  }

  private Optional<PasswordReset> find(String secret) {
    return ResetSecret.plausible(secret) ? resets.find(TokenSecret.hash(secret)) : Optional.empty();
  }

  private static void checkStrength(@Nullable String password, UserAccount account) {
    var check = new Validation();
    check.check("password", PasswordPolicy.problem(password, account.email().value()));
    check.throwIfInvalid();
  }

  private void changed(UserAccount account, String hash, Instant now, @Nullable String keepSession) {
    users.changePassword(account.id(), hash);
    resets.spendAllOf(account.id(), now);
    guard.release(account.email());
    int ended = sessions.endAll(account.email(), keepSession);
    log.info(() -> "Password changed; " + ended + " session(s) of the account ended");
  }

  private static void afterCommit(Runnable work) {
    Runnable offThread = () -> Thread.ofVirtual().name("password-reset-mail").start(work);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          offThread.run();
        }
      });
    } else {
      offThread.run();
    }
  }
}
