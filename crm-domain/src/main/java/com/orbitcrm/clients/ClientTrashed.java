package com.orbitcrm.clients;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.TenantScopedEvent;
import java.time.Instant;

/** A client was moved to the trash; it can be restored within {@link com.orbitcrm.platform.RestoreWindow#TRASH}. */
public record ClientTrashed(TenantId tenant, ClientId client, Instant at) implements TenantScopedEvent {}
