package com.orbitcrm.testing;

import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantContext.Scope;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserAccount;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The people a use-case test works with: in {@link #tenant} a member, an admin and a viewer; in
 * {@link #otherTenant} an outsider who owns it — in in-memory users and workspaces — and work run as one
 * of them through {@link TenantContext}.
 */
public final class TestTeam {

  public final InMemoryUsers users;
  public final InMemoryWorkspaces workspaces;
  public final TenantId tenant = new TenantId(UUID.randomUUID());
  public final TenantId otherTenant = new TenantId(UUID.randomUUID());
  public final UserAccount member;
  public final UserAccount admin;
  public final UserAccount viewer;
  public final UserAccount outsider;

  public TestTeam(Clock clock) {
    users = new InMemoryUsers(clock);
    workspaces = new InMemoryWorkspaces(users, clock);
    member = users.person("Mia Member", "mia@acme.example");
    admin = users.person("Ada Admin", "ada@acme.example");
    viewer = users.person("Vic Viewer", "vic@acme.example");
    outsider = users.person("Otto Outsider", "otto@globex.example");
    workspaces.join(tenant, member, Role.MEMBER);
    workspaces.join(tenant, admin, Role.ADMIN);
    workspaces.join(tenant, viewer, Role.VIEWER);
    workspaces.join(otherTenant, outsider, Role.OWNER);
  }

  public <T> T asMember(Supplier<T> work) {
    return as(member, Role.MEMBER, work);
  }

  public <T> T asAdmin(Supplier<T> work) {
    return as(admin, Role.ADMIN, work);
  }

  /** Work as {@code user} with {@code role} in {@link #tenant}. */
  public <T> T as(UserAccount user, Role role, Supplier<T> work) {
    return as(user, tenant, role, work);
  }

  public static <T> T as(UserAccount user, TenantId in, Role role, Supplier<T> work) {
    return TenantContext.callAs(new Scope(in, user.id(), role), work);
  }
}
