package com.orbitcrm.tenancy.app;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;

/** The new workspace and its owner. */
public record SignedUp(TenantId tenantId, UserId userId) {}
