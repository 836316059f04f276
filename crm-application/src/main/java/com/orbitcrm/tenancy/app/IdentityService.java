package com.orbitcrm.tenancy.app;

import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.port.Users;
import com.orbitcrm.tenancy.Workspace;
import com.orbitcrm.tenancy.WorkspaceMembership;
import com.orbitcrm.tenancy.port.Workspaces;
import java.util.List;
import java.util.Optional;
import com.orbitcrm.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who someone is before a workspace is chosen: the account behind an e-mail address (for signing
 * in), and the workspaces a user may act in (for resolving the tenant of a request).
 */
@Service
public class IdentityService {

  private final Users users;
  private final Workspaces workspaces;

  IdentityService(Users users, Workspaces workspaces) {
    this.users = users;
    this.workspaces = workspaces;
  }

  @Transactional(readOnly = true)
  public Optional<UserAccount> accountForSignIn(String email) {
    if (EmailAddress.problem(email).isPresent()) {
      return Optional.empty();
    }
    return users.findByEmail(new EmailAddress(email));
  }

  @Transactional(readOnly = true)
  public List<WorkspaceMembership> workspacesOf(UserId user) {
    return workspaces.of(user);
  }

  @Transactional
  public void recordSignIn(UserId user) {
    users.recordSignIn(user);
  }

  /** The signed-in user's own account, in the current workspace's scope. */
  @Transactional(readOnly = true)
  public Optional<UserAccount> currentUser() {
    return TenantContext.current().map(TenantContext.Scope::user).flatMap(users::find);
  }

  @Transactional(readOnly = true)
  public Optional<Workspace> currentWorkspace() {
    return workspaces.find(TenantContext.requireTenant());
  }

  /**
   * Changes the current workspace's settings as typed (admins and owners): its name, time zone and main
   * currency; {@literal null} keeps one as it is.
   */
  @Transactional
  public Workspace updateWorkspace(@Nullable String name, @Nullable String timeZone, @Nullable String currency) {
    TenantId tenant = TenantContext.requireAdmin().tenant();
    Workspace current = workspaces.find(tenant).orElseThrow(() -> new NotFoundException("Workspace"));
    Workspace next = current.with(name, timeZone, currency);
    workspaces.update(next);
    return next;
  }

  /** The role of {@code user} in {@code tenant}, if they are a member. */
  @Transactional(readOnly = true)
  public Optional<Role> roleIn(TenantId tenant, UserId user) {
    return workspaces.of(user).stream()
        .filter(m -> m.tenant().equals(tenant))
        .map(WorkspaceMembership::role)
        .findFirst();
  }
}
