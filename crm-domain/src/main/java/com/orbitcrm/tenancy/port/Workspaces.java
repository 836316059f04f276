package com.orbitcrm.tenancy.port;

import com.orbitcrm.tenancy.Density;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.Workspace;
import com.orbitcrm.tenancy.WorkspaceMembership;

import java.util.List;
import java.util.Optional;

/** Secondary port: workspaces and who belongs to them. All but {@link #of} act in the current tenant. */
public interface Workspaces {

  void create(Workspace workspace);

  /** Stores the workspace's name, time zone and currency. */
  void update(Workspace workspace);

  Optional<Workspace> find(TenantId id);

  /** The workspaces of a user, oldest membership first. */
  List<WorkspaceMembership> of(UserId user);

  void addMember(TenantId tenant, UserId user, Role role);

  Optional<Role> roleOf(TenantId tenant, UserId user);

  List<Member> members(TenantId tenant);

  /** @return whether a membership changed. */
  boolean changeRole(TenantId tenant, UserId user, Role role);

  /** Stores how dense the member likes the workspace's lists; @return whether a membership changed. */
  boolean changeDensity(TenantId tenant, UserId user, Density density);

  /** @return whether a membership was removed. */
  boolean removeMember(TenantId tenant, UserId user);

  /** Locks the workspace's owner rows and counts them, so that two demotions cannot both pass. */
  int lockAndCountOwners(TenantId tenant);
}
