package com.orbitcrm.deals;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.TenantScopedEvent;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Deals were edited (fields, custom-field values or probability; a stage change is DealStageChanged) — one by hand, or many by one batch (one event per batch, not per record, so that a
 * batch of a thousand writes one event publication). Carries ids only; listeners read what else they need.
 *
 * @param by {@literal null} when the system did it.
 */
public record DealsUpdated(TenantId tenant, List<DealId> deals, @Nullable UserId by, Instant at)
    implements TenantScopedEvent {

  public DealsUpdated {
    deals = List.copyOf(deals);
  }
}
