package com.orbitcrm.deals;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.TenantScopedEvent;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A deal moved from one stage to another. Published for other modules (the timeline records it on the
 * deal and on its client); it carries ids and stage keys only — listeners read what else they need.
 *
 * @param by {@literal null} when the system moved it.
 */
public record DealStageChanged(TenantId tenant, DealId deal, @Nullable ClientId clientId, String fromStage,
                               String toStage, @Nullable UserId by, Instant at) implements TenantScopedEvent {}
