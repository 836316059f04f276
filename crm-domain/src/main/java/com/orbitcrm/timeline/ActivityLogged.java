package com.orbitcrm.timeline;

import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.TenantScopedEvent;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Someone logged an activity (a call, an e-mail, …) on a record. Carries ids; listeners read the rest. */
public record ActivityLogged(TenantId tenant, UUID activity, RecordRef entity, @Nullable UserId by, Instant at)
    implements TenantScopedEvent {}
