package com.orbitcrm.integrations.port;

import com.orbitcrm.integrations.DeliveryAttempt;
import com.orbitcrm.integrations.WebhookDelivery;
import com.orbitcrm.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Deliveries and their attempts. */
public interface WebhookDeliveries {

  void insertAll(List<WebhookDelivery> deliveries);

  /** Deletes the finished deliveries of these endpoints made before the cutoff (and their attempts). */
  void forgetFinishedBefore(TenantId tenant, List<UUID> endpoints, java.time.Instant cutoff);

  /** A delivery with its attempts, locked for this transaction (one attempt at a time). */
  Optional<WebhookDelivery> lock(TenantId tenant, UUID id);

  Optional<WebhookDelivery> read(TenantId tenant, UUID id);

  /** Saves the status, attempts and times of a delivery. */
  void update(WebhookDelivery delivery);

  void addAttempt(TenantId tenant, UUID deliveryId, DeliveryAttempt attempt);

  /** An endpoint's latest deliveries, newest first, each with its attempts. */
  List<WebhookDelivery> recent(TenantId tenant, UUID endpointId, int limit);
}
