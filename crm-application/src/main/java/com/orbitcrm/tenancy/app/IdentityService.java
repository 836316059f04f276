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

  /** Renames the current workspace (admins and owners). */
  @Transactional
  public Workspace renameWorkspace(String name) {
    TenantId tenant = TenantContext.requireAdmin().tenant();
    var check = new Validation();
    String clean = check.text("workspace", name, Workspace.MAX_NAME);
    check.throwIfInvalid();
    var workspace = new Workspace(tenant, clean);
    workspaces.rename(workspace);
    return workspace;
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
