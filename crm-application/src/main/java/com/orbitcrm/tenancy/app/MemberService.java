package com.orbitcrm.tenancy.app;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.port.PasswordHasher;
import com.orbitcrm.tenancy.PasswordPolicy;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.port.Users;
import com.orbitcrm.tenancy.port.Workspaces;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members of the current workspace. Everyone may list them; admins and owners add, re-role and
 * remove them; only an owner may make or unmake an owner; the last owner always stays.
 */
@Service
public class MemberService {

  private final Users users;
  private final Workspaces workspaces;
  private final PasswordHasher hasher;
  private final InvitationService invitations;

  MemberService(Users users, Workspaces workspaces, PasswordHasher hasher, InvitationService invitations) {
    this.users = users;
    this.workspaces = workspaces;
    this.hasher = hasher;
    this.invitations = invitations;
  }

  @Transactional(readOnly = true)
  public List<Member> members() {
    return workspaces.members(TenantContext.requireTenant());
  }

  /** Whether {@code user} is a member of the current workspace (an owner, assignee or organizer must be). */
  @Transactional(readOnly = true)
  public boolean isMember(UserId user) {
    return workspaces.roleOf(TenantContext.requireTenant(), user).isPresent();
  }

  @Transactional(readOnly = true)
  public Member member(UserId user) {
    return find(user).orElseThrow(() -> new NotFoundException("Member"));
  }

  /**
   * Adds a person by e-mail. An address without an account, given with a name and a first password, becomes a
   * new account that is a member at once (the bootstrap contract of {@code POST /api/members}). Anyone else is
   * <em>invited</em>: an account joins only by accepting, and the answer does not say whether the address had
   * one.
   *
   * @throws ConflictException when the address's account is already a member of this workspace.
   */
  @Transactional
  public MemberAdded add(AddMemberCommand command) {
    var scope = TenantContext.requireAdmin();
    var check = new Validation();
    check.check("email", EmailAddress.problem(command.email()));
    Role role = role(check, command.role());
    check.throwIfInvalid();
    requireMayGrant(scope.role(), role);

    var email = new EmailAddress(command.email());
    UserAccount account = users.findByEmail(email).orElse(null);
    if (account != null && workspaces.roleOf(scope.tenant(), account.id()).isPresent()) {
      throw new ConflictException(email + " is already a member of this workspace");
    }
    boolean withPassword = command.password() != null && !command.password().isEmpty();
    if (account != null || !withPassword) {
      return new MemberAdded.Invited(invitations.invite(email, role));
    }
    String name = check.text("name", command.name(), UserAccount.MAX_NAME);
    check.check("password", PasswordPolicy.problem(command.password(), command.email()));
    check.throwIfInvalid();
    account = new UserAccount(new UserId(UUID.randomUUID()), email, name, hasher.hash(command.password()));
    users.create(account);
    workspaces.addMember(scope.tenant(), account.id(), role);
    return new MemberAdded.Joined(member(account.id()));
  }

  /**
   * Joins an existing account without asking it: only the system may (demo data), never a person — people
   * are invited ({@link #add}).
   */
  @Transactional
  public Member addWithoutInvitation(EmailAddress email, Role role) {
    var scope = TenantContext.require();
    if (scope.user() != null) {
      throw new ForbiddenException("People join a workspace by accepting an invitation");
    }
    var account = users.findByEmail(email).orElseThrow(() -> new NotFoundException("Account"));
    workspaces.addMember(scope.tenant(), account.id(), role);
    return member(account.id());
  }

  @Transactional
  public Member changeRole(UserId user, @Nullable String roleKey) {
    var scope = TenantContext.requireAdmin();
    var check = new Validation();
    Role role = role(check, roleKey);
    check.throwIfInvalid();
    Member member = member(user);
    if (member.role() == role) {
      return member;
    }
    requireMayGrant(scope.role(), role);
    requireMayGrant(scope.role(), member.role());
    if (member.role() == Role.OWNER) {
      requireAnotherOwner();
    }
    workspaces.changeRole(scope.tenant(), user, role);
    return member(user);
  }

  @Transactional
  public void remove(UserId user) {
    var scope = TenantContext.requireAdmin();
    Member member = member(user);
    requireMayGrant(scope.role(), member.role());
    if (member.role() == Role.OWNER) {
      requireAnotherOwner();
    }
    workspaces.removeMember(scope.tenant(), user);
  }

  private Optional<Member> find(UserId user) {
    return workspaces.members(TenantContext.requireTenant()).stream()
        .filter(m -> m.user().equals(user))
        .findFirst();
  }

  private void requireAnotherOwner() {
    if (workspaces.lockAndCountOwners(TenantContext.requireTenant()) <= 1) {
      throw new ConflictException("A workspace needs at least one owner: make someone else owner first");
    }
  }

  private static void requireMayGrant(Role actor, Role role) {
    if (role == Role.OWNER && actor != Role.OWNER) {
      throw new ForbiddenException("Only an owner may make, change or remove an owner");
    }
  }

  private static Role role(Validation check, @Nullable String key) {
    if (key == null || key.isBlank()) {
      check.reject("role", "is required");
      return Role.VIEWER;
    }
    Optional<Role> role = Role.fromKey(key.strip().toLowerCase(java.util.Locale.ROOT));
    if (role.isEmpty()) {
      check.reject("role", "must be one of owner, admin, member, viewer");
    }
    return role.orElse(Role.VIEWER);
  }

  static Role parseRole(String field, @Nullable String key) {
    var check = new Validation();
    Role role = role(check, key);
    if (!check.ok()) {
      throw InvalidInputException.of(field, "must be one of owner, admin, member, viewer");
    }
    return role;
  }
}
