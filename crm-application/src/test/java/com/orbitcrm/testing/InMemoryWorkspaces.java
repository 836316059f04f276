package com.orbitcrm.testing;

import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.Workspace;
import com.orbitcrm.tenancy.WorkspaceMembership;
import com.orbitcrm.tenancy.port.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workspaces and their memberships, in memory. Members are read with their accounts from
 * {@link InMemoryUsers}, as the adapter joins {@code users}; a user is a member of a workspace at most once.
 */
public class InMemoryWorkspaces implements Workspaces {

  private record Membership(TenantId tenant, UserId user, Role role, Instant joinedAt) {}

  private final Map<TenantId, Workspace> workspaces = new LinkedHashMap<>();
  private final List<Membership> memberships = new ArrayList<>();
  private final Map<String, com.orbitcrm.tenancy.Density> densities = new java.util.HashMap<>();
  private final InMemoryUsers users;
  private final Clock clock;

  public InMemoryWorkspaces(InMemoryUsers users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @Override
  public void create(Workspace workspace) {
    if (workspaces.putIfAbsent(workspace.id(), workspace) != null) {
      throw new IllegalStateException("workspace " + workspace.id() + " exists");
    }
  }

  @Override
  public void update(Workspace workspace) {
    workspaces.replace(workspace.id(), workspace);
  }

  @Override
  public Optional<Workspace> find(TenantId id) {
    return Optional.ofNullable(workspaces.get(id));
  }

  @Override
  public List<WorkspaceMembership> of(UserId user) {
    return memberships.stream().filter(m -> m.user().equals(user))
        .sorted(Comparator.comparing(Membership::joinedAt))
        .map(m -> new WorkspaceMembership(m.tenant(), find(m.tenant()).map(Workspace::name).orElse("?"), m.role(),
            densities.getOrDefault(m.tenant() + "|" + m.user(), com.orbitcrm.tenancy.Density.COMFORTABLE)))
        .toList();
  }

  @Override
  public void addMember(TenantId tenant, UserId user, Role role) {
    if (users.find(user).isEmpty()) {
      throw new IllegalStateException("no user " + user);
    }
    if (roleOf(tenant, user).isPresent()) {
      throw new IllegalStateException(user + " is already a member of " + tenant);
    }
    memberships.add(new Membership(tenant, user, role, clock.instant()));
  }

  /** Adds {@code user} to {@code tenant}, creating the workspace first if needed: for a test's setup. */
  public void join(TenantId tenant, UserAccount user, Role role) {
    workspaces.putIfAbsent(tenant, new Workspace(tenant, "Workspace " + tenant.value().toString().substring(0, 8)));
    addMember(tenant, user.id(), role);
  }

  @Override
  public Optional<Role> roleOf(TenantId tenant, UserId user) {
    return membership(tenant, user).map(Membership::role);
  }

  @Override
  public List<Member> members(TenantId tenant) {
    return memberships.stream().filter(m -> m.tenant().equals(tenant))
        .map(m -> {
          UserAccount account = users.find(m.user()).orElseThrow();
          return new Member(m.user(), account.name(), account.email(), m.role(), m.joinedAt(),
              users.lastSignIn(m.user()).orElse(null));
        })
        .toList();
  }

  @Override
  public boolean changeRole(TenantId tenant, UserId user, Role role) {
    var current = membership(tenant, user);
    if (current.isEmpty()) {
      return false;
    }
    memberships.set(memberships.indexOf(current.get()),
        new Membership(tenant, user, role, current.get().joinedAt()));
    return true;
  }

  @Override
  public boolean changeDensity(TenantId tenant, UserId user, com.orbitcrm.tenancy.Density density) {
    if (membership(tenant, user).isEmpty()) {
      return false;
    }
    densities.put(tenant + "|" + user, density);
    return true;
  }

  @Override
  public boolean removeMember(TenantId tenant, UserId user) {
    return membership(tenant, user).map(memberships::remove).orElse(false);
  }

  @Override
  public int lockAndCountOwners(TenantId tenant) {
    return (int) memberships.stream().filter(m -> m.tenant().equals(tenant) && m.role() == Role.OWNER).count();
  }

  private Optional<Membership> membership(TenantId tenant, UserId user) {
    return memberships.stream().filter(m -> m.tenant().equals(tenant) && m.user().equals(user)).findFirst();
  }
}
