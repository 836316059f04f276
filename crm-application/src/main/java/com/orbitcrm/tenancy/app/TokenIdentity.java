package com.orbitcrm.tenancy.app;

import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.util.UUID;

/** Who a presented API token speaks for: one user, in one workspace, with at most this role. */
public record TokenIdentity(UUID tokenId, TenantId tenant, UserId user, Role role) {}
