package com.orbitcrm.clients;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.TenantScopedEvent;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Clients were changed (fields or custom-field values) — one by hand, or many by one batch (one event per batch, not per record, so that a
 * batch of a thousand writes one event publication). Carries ids only; listeners read what else they need.
 *
 * @param by {@literal null} when the system did it.
 */
public record ClientsUpdated(TenantId tenant, List<ClientId> clients, @Nullable UserId by, Instant at)
    implements TenantScopedEvent {

  public ClientsUpdated {
    clients = List.copyOf(clients);
  }
}
