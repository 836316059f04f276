package com.orbitcrm.integrations.port;

import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/** Where due attempts wait (db-scheduler's {@code scheduled_webhooks}); joins the caller's transaction. */
public interface DeliveryQueue {

  /**
   * An attempt of the delivery at {@code at}.
   *
   * @param manual a redelivery asked for by hand (one attempt).
   */
  void schedule(TenantId tenant, UUID deliveryId, Instant at, boolean manual);
}
