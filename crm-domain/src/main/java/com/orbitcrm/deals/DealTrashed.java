package com.orbitcrm.deals;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.TenantScopedEvent;
import java.time.Instant;

/** A deal was moved to the trash; it can be restored within {@link com.orbitcrm.platform.RestoreWindow#TRASH}. */
public record DealTrashed(TenantId tenant, DealId deal, Instant at) implements TenantScopedEvent {}
