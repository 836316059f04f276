package com.orbitcrm.deals;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.TenantScopedEvent;

/** A deal was deleted for good; modules that attached rows to it delete theirs. */
public record DealPurged(TenantId tenant, DealId deal) implements TenantScopedEvent {}
