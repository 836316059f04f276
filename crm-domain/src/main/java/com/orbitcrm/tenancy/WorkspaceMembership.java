package com.orbitcrm.tenancy;

/** One of the workspaces a user belongs to, and their role there. */
public record WorkspaceMembership(TenantId tenant, String workspaceName, Role role) {}
