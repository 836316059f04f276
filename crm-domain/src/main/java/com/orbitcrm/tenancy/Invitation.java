package com.orbitcrm.tenancy;

import com.orbitcrm.platform.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An admin's request that the owner of an e-mail address join a workspace with a role. Nobody becomes a
 * member without accepting: an invitation is used once, by the account with its address, before it expires
 * and unless it was revoked (or replaced by a newer one for the same address).
 *
 * @param invitedBy who asked ({@literal null}: the system).
 */
public record Invitation(UUID id, TenantId tenant, EmailAddress email, Role role, @Nullable UserId invitedBy,
                         Instant createdAt, Instant expiresAt, @Nullable Instant acceptedAt,
                         @Nullable Instant revokedAt) {

  /** How long an invitation is open unless {@code orbit.invitations.lifetime} says otherwise. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
  /** The longest lifetime an installation may configure: a link in an old e-mail should not open a workspace. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(90);

  /** Where an invitation is in its life. */
  public enum Status {
    PENDING, EXPIRED, ACCEPTED, REVOKED
  }

  /** Why an invitation cannot be accepted: an ordinary answer, shown to the person, not a crash. */
  public enum Refusal {
    EXPIRED("This invitation has expired. Ask an admin of the workspace to invite you again."),
    REVOKED("This invitation was withdrawn (or replaced by a newer one). Ask an admin of the workspace for a new one."),
    USED("This invitation has already been used."),
    WRONG_ACCOUNT("This invitation is for another e-mail address. Sign in with the invited address to accept it.");

    private final String message;

    Refusal(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  public Invitation {
    Objects.requireNonNull(id);
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(email);
    Objects.requireNonNull(role);
    Objects.requireNonNull(createdAt);
    Objects.requireNonNull(expiresAt);
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("an invitation must expire after it was made");
    }
    if (acceptedAt != null && revokedAt != null) {
      throw new IllegalArgumentException("an invitation is either accepted or revoked, not both");
    }
  }

  /** A new, open invitation made at {@code now} that expires {@code lifetime} later. */
  public static Invitation issue(TenantId tenant, EmailAddress email, Role role, @Nullable UserId invitedBy,
                                 Instant now, Duration lifetime) {
    return new Invitation(UUID.randomUUID(), tenant, email, role, invitedBy, now, now.plus(checkedLifetime(lifetime)),
        null, null);
  }

  /**
   * {@code lifetime} if an installation may use it (more than a minute, at most {@link #MAX_LIFETIME}).
   *
   * @throws IllegalArgumentException otherwise (the application then does not start).
   */
  public static Duration checkedLifetime(Duration lifetime) {
    if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException("orbit.invitations.lifetime must be between 1 minute and "
          + MAX_LIFETIME.toDays() + " days, was " + lifetime);
    }
    return lifetime;
  }

  public Status status(Instant now) {
    if (acceptedAt != null) {
      return Status.ACCEPTED;
    }
    if (revokedAt != null) {
      return Status.REVOKED;
    }
    return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
  }

  public boolean pending(Instant now) {
    return status(now) == Status.PENDING;
  }

  /** Why {@code status} keeps this invitation from being accepted at {@code now}, by anyone. */
  public Optional<Refusal> refusal(Instant now) {
    return switch (status(now)) {
      case PENDING -> Optional.empty();
      case EXPIRED -> Optional.of(Refusal.EXPIRED);
      case ACCEPTED -> Optional.of(Refusal.USED);
      case REVOKED -> Optional.of(Refusal.REVOKED);
    };
  }

  /** Why the account with address {@code account} may not accept this invitation at {@code now}, if it may not. */
  public Optional<Refusal> refusalFor(EmailAddress account, Instant now) {
    Optional<Refusal> refusal = refusal(now);
    if (refusal.isPresent()) {
      return refusal;
    }
    return account.equals(email) ? Optional.empty() : Optional.of(Refusal.WRONG_ACCOUNT);
  }
}
