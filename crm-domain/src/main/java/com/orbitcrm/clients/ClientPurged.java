package com.orbitcrm.clients;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.TenantScopedEvent;

/**
 * A client was deleted for good (its trash time ran out). Modules that attached rows to it (timeline
 * entries and notes, field values, meetings) delete theirs; its deals stay, without a client.
 */
public record ClientPurged(TenantId tenant, ClientId client) implements TenantScopedEvent {}
