package com.orbitcrm.tenancy.app;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.Invitation;
import com.orbitcrm.tenancy.InvitationToken;
import com.orbitcrm.tenancy.OpenInvitation;
import com.orbitcrm.tenancy.PasswordPolicy;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TokenSecret;
import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.WorkspaceMembership;
import com.orbitcrm.tenancy.port.Invitations;
import com.orbitcrm.tenancy.port.PasswordHasher;
import com.orbitcrm.tenancy.port.Users;
import com.orbitcrm.tenancy.port.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Invitations to a workspace: admins issue, list and revoke them; the invited person accepts (signed in with
 * the invited address, or by creating the account the address does not have yet) or declines. Accepting runs
 * in the invitation's workspace, so the membership it writes passes the same row-level security as any other.
 */
@Service
public class InvitationService {

  private final Invitations invitations;
  private final Users users;
  private final Workspaces workspaces;
  private final PasswordHasher hasher;
  private final TenancyMailer mailer;
  private final TransactionOperations transactions;
  private final Clock clock;
  private final Duration lifetime;

  InvitationService(Invitations invitations, Users users, Workspaces workspaces, PasswordHasher hasher,
                    TenancyMailer mailer, TransactionOperations transactions, Clock clock,
                    @Value("${orbit.invitations.lifetime:P7D}") Duration lifetime) {
    this.invitations = invitations;
    this.users = users;
    this.workspaces = workspaces;
    this.hasher = hasher;
    this.mailer = mailer;
    this.transactions = transactions;
    this.clock = clock;
    this.lifetime = Invitation.checkedLifetime(lifetime);
  }

  /**
   * Invites {@code email} to the current workspace as {@code role}, replacing an open invitation of the same
   * address, and mails it once the caller's transaction commits. The caller has checked that the actor is an
   * admin who may grant {@code role}.
   */
  IssuedInvitation invite(EmailAddress email, Role role) {
    var scope = TenantContext.requireAdmin();
    var invitation = Invitation.issue(scope.tenant(), email, role, scope.user(), clock.instant(), lifetime);
    var token = InvitationToken.generate();
    invitations.revokeOpen(scope.tenant(), email);
    invitations.create(invitation, token.hash());
    String url = mailer.acceptUrl(token.secret());
    String workspaceName = workspaces.find(scope.tenant()).map(w -> w.name()).orElse("a workspace");
    String inviter = scope.user() == null ? "An admin" : workspaces.members(scope.tenant()).stream()
        .filter(m -> m.user().equals(scope.user())).map(m -> m.name()).findFirst().orElse("An admin");
    mailer.invitation(invitation, workspaceName, inviter, url);
    return new IssuedInvitation(invitation, url);
  }

  /** The current workspace's open invitations (admins). */
  @Transactional(readOnly = true)
  public List<Invitation> open() {
    return invitations.open(TenantContext.requireAdmin().tenant());
  }

  /** Withdraws an open invitation of the current workspace (admins); its link stops working. */
  @Transactional
  public void revoke(UUID id) {
    var scope = TenantContext.requireAdmin();
    var invitation = invitations.lock(scope.tenant(), id).orElseThrow(() -> new NotFoundException("Invitation"));
    if (invitation.role() == Role.OWNER && scope.role() != Role.OWNER) {
      throw new ForbiddenException("Only an owner may withdraw an invitation to become owner");
    }
    if (!invitations.revoke(scope.tenant(), id)) {
      throw new ConflictException("This invitation is no longer open");
    }
  }

  /** What the link with {@code token} is an invitation to; anyone holding it may see this. */
  public InvitationPreview preview(String token) {
    return Objects.requireNonNull(transactions.execute(tx -> {
      var found = find(token);
      boolean hasAccount = users.findByEmail(found.invitation().email()).isPresent();
      return new InvitationPreview(found.invitation(), found.workspaceName(),
          found.invitation().refusal(clock.instant()), hasAccount);
    }));
  }

  /** Joins the signed-in person to the workspace of the invitation with {@code token}, if it is for their address. */
  public WorkspaceMembership accept(String token) {
    UserId user = TenantContext.require().requireUser();
    var found = Objects.requireNonNull(transactions.execute(tx -> find(token)));
    return join(found, user);
  }

  /** Same as {@link #accept} for a signed-in person without a workspace (no current scope yet). */
  public WorkspaceMembership accept(String token, UserId user) {
    var found = Objects.requireNonNull(transactions.execute(tx -> find(token)));
    return join(found, user);
  }

  /**
   * Creates the account the invited address does not have yet, with {@code name} and {@code password}, and
   * joins it — all in one transaction in the invitation's workspace.
   *
   * @throws com.orbitcrm.platform.InvalidInputException naming the wrong fields.
   * @throws ConflictException when the address has an account (then one signs in), or the invitation is closed.
   */
  public UserAccount acceptAsNewAccount(String token, @Nullable String name, @Nullable String password) {
    var found = Objects.requireNonNull(transactions.execute(tx -> find(token)));
    var invitation = found.invitation();
    var check = new Validation();
    String cleanName = check.text("name", name, UserAccount.MAX_NAME);
    check.check("password", PasswordPolicy.problem(password, invitation.email().value(), found.workspaceName()));
    check.throwIfInvalid();
    var account = new UserAccount(new UserId(UUID.randomUUID()), invitation.email(), cleanName,
        hasher.hash(Objects.requireNonNull(password)));
    var scope = new TenantContext.Scope(invitation.tenant(), account.id(), invitation.role());
    TenantContext.runAs(scope, () -> transactions.executeWithoutResult(tx -> {
      var current = invitations.lock(invitation.tenant(), invitation.id())
          .orElseThrow(() -> new NotFoundException("Invitation"));
      refuse(current, invitation.email());
      users.create(account);
      invitations.markAccepted(invitation.tenant(), invitation.id(), account.id());
      workspaces.addMember(invitation.tenant(), account.id(), invitation.role());
    }));
    return account;
  }

  /** The open invitations addressed to the signed-in person, across workspaces. */
  public List<OpenInvitation> mine(UserId user) {
    var now = clock.instant();
    return Objects.requireNonNull(transactions.execute(tx -> invitations.openFor(user))).stream()
        .filter(i -> i.invitation().pending(now)).toList();
  }

  /** Accepts one of {@link #mine}. */
  public WorkspaceMembership acceptMine(UserId user, UUID id) {
    return join(own(user, id), user);
  }

  /** Declines one of {@link #mine}: it is closed, as if revoked, and its link stops working. */
  public void declineMine(UserId user, UUID id) {
    var invitation = own(user, id).invitation();
    TenantContext.runAs(new TenantContext.Scope(invitation.tenant(), user, Role.VIEWER),
        () -> transactions.executeWithoutResult(tx -> invitations.revoke(invitation.tenant(), invitation.id())));
  }

  private OpenInvitation own(UserId user, UUID id) {
    return mine(user).stream().filter(i -> i.invitation().id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("Invitation"));
  }

  private OpenInvitation find(String token) {
    if (!InvitationToken.wellFormed(token)) {
      throw new NotFoundException("Invitation");
    }
    return invitations.findByTokenHash(TokenSecret.hash(token)).orElseThrow(() -> new NotFoundException("Invitation"));
  }

  private WorkspaceMembership join(OpenInvitation found, UserId user) {
    var invitation = found.invitation();
    var scope = new TenantContext.Scope(invitation.tenant(), user, invitation.role());
    return TenantContext.callAs(scope, () -> Objects.requireNonNull(transactions.execute(tx -> {
      var account = users.find(user).orElseThrow(() -> new NotFoundException("Account"));
      var current = invitations.lock(invitation.tenant(), invitation.id())
          .orElseThrow(() -> new NotFoundException("Invitation"));
      refuse(current, account.email());
      invitations.markAccepted(invitation.tenant(), invitation.id(), user);
      var existing = workspaces.roleOf(invitation.tenant(), user);
      if (existing.isEmpty()) {
        workspaces.addMember(invitation.tenant(), user, invitation.role());
      }
      return new WorkspaceMembership(invitation.tenant(), found.workspaceName(), existing.orElse(invitation.role()));
    })));
  }

  private void refuse(Invitation invitation, EmailAddress account) {
    invitation.refusalFor(account, clock.instant()).ifPresent(refusal -> {
      throw refusal == Invitation.Refusal.WRONG_ACCOUNT ? new ForbiddenException(refusal.message())
          : new ConflictException(refusal.message());
    });
  }
}
