package com.orbitcrm.tenancy;

/** One of the workspaces a user belongs to, their role there, and how dense they like its lists. */
public record WorkspaceMembership(TenantId tenant, String workspaceName, Role role, Density density) {

  /** A membership with the default density. */
  public WorkspaceMembership(TenantId tenant, String workspaceName, Role role) {
    this(tenant, workspaceName, role, Density.COMFORTABLE);
  }
}
