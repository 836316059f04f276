package com.orbitcrm.integrations.port;

import com.orbitcrm.integrations.EventType;
import com.orbitcrm.integrations.WebhookEndpoint;
import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A workspace's webhook endpoints. */
public interface WebhookEndpoints {

  /** Oldest first. */
  List<WebhookEndpoint> list(TenantId tenant);

  Optional<WebhookEndpoint> find(TenantId tenant, UUID id);

  void insert(WebhookEndpoint endpoint);

  /** Saves a changed endpoint if its version is still the stored one (then one more); false if not. */
  boolean update(WebhookEndpoint endpoint);

  boolean delete(TenantId tenant, UUID id);

  /** The switched-on endpoints subscribed to {@code type}. */
  List<WebhookEndpoint> subscribers(TenantId tenant, EventType type);

  /** When the endpoint last received a delivery (its last 2xx), if ever. */
  Optional<Instant> lastSuccess(TenantId tenant, UUID endpointId);
}
