package com.orbitcrm.integrations.app;

import com.orbitcrm.integrations.EventType;
import com.orbitcrm.integrations.WebhookDelivery;
import com.orbitcrm.integrations.WebhookEndpoint;
import com.orbitcrm.integrations.WebhookUrl;
import com.orbitcrm.integrations.port.DeliveryQueue;
import com.orbitcrm.integrations.port.WebhookDeliveries;
import com.orbitcrm.integrations.port.WebhookEndpoints;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.TenantContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's webhook endpoints, for its admins: register (the secret is answered this once), change, switch
 * on and off, rotate the secret, delete; their latest deliveries with every attempt, and a delivery sent again by
 * hand. A destination on a private, loopback or link-local address is refused (see {@link DestinationCheck}).
 */
@Service
public class WebhookService {

  /** The most endpoints a workspace registers. */
  public static final int MAX_ENDPOINTS = 20;
  public static final int DELIVERIES_SHOWN = 50;

  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final DeliveryQueue queue;
  private final DestinationCheck destinations;
  private final Clock clock;

  WebhookService(WebhookEndpoints endpoints, WebhookDeliveries deliveries, DeliveryQueue queue,
                 DestinationCheck destinations, Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.queue = queue;
    this.destinations = destinations;
    this.clock = clock;
  }

  /** What a registration or a rotation answers: the endpoint and its secret, shown this once. */
  public record WithSecret(WebhookEndpoint endpoint, String secret) {}

  @Transactional(readOnly = true)
  public List<WebhookEndpoint> list() {
    return endpoints.list(TenantContext.requireAdmin().tenant());
  }

  @Transactional(readOnly = true)
  public WebhookEndpoint get(UUID id) {
    return endpoints.find(TenantContext.requireAdmin().tenant(), id)
        .orElseThrow(() -> new NotFoundException("Webhook endpoint"));
  }

  @Transactional
  public WithSecret register(@Nullable String url, @Nullable String description, List<String> eventTypes) {
    var scope = TenantContext.requireAdmin();
    var checked = checked(url, eventTypes);
    if (endpoints.list(scope.tenant()).size() >= MAX_ENDPOINTS) {
      throw InvalidInputException.of("url", "a workspace has at most " + MAX_ENDPOINTS + " endpoints");
    }
    var endpoint = WebhookEndpoint.register(scope.tenant(), checked.url(), description, checked.types(),
        scope.user(), clock.instant());
    endpoints.insert(endpoint);
    return new WithSecret(endpoint, endpoint.secret().value());
  }

  /**
   * Changes what is given ({@literal null} keeps it); {@code enabled} switches the endpoint on or off.
   *
   * @param expectedVersion {@literal null} skips the check.
   */
  @Transactional
  public WebhookEndpoint change(UUID id, @Nullable Integer expectedVersion, @Nullable String url,
                                @Nullable String description, @Nullable List<String> eventTypes,
                                @Nullable Boolean enabled) {
    var current = get(id);
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new ConflictException("This endpoint was changed by someone else: reload it and try again");
    }
    var now = clock.instant();
    WebhookUrl newUrl = url == null ? current.url() : checkedUrl(url);
    Set<EventType> types = eventTypes == null ? current.eventTypes() : EventType.parse(eventTypes);
    var next = current.change(newUrl, description == null ? current.description() : description, types, now);
    if (enabled != null && enabled != current.enabled()) {
      next = enabled ? next.enable(now) : next.disable("Switched off by an admin", now);
    }
    save(next);
    return get(id);
  }

  @Transactional
  public WithSecret rotateSecret(UUID id) {
    var next = get(id).rotate(clock.instant());
    save(next);
    return new WithSecret(get(id), next.secret().value());
  }

  @Transactional
  public void delete(UUID id) {
    if (!endpoints.delete(TenantContext.requireAdmin().tenant(), id)) {
      throw new NotFoundException("Webhook endpoint");
    }
  }

  /** The endpoint's latest deliveries, newest first, with their attempts. */
  @Transactional(readOnly = true)
  public List<WebhookDelivery> deliveries(UUID endpointId) {
    var endpoint = get(endpointId);
    return deliveries.recent(endpoint.tenant(), endpoint.id(), DELIVERIES_SHOWN);
  }

  /** Sends a delivery again now (one attempt, with the same webhook-id), whatever became of it before. */
  @Transactional
  public WebhookDelivery redeliver(UUID deliveryId) {
    var tenant = TenantContext.requireAdmin().tenant();
    var delivery = deliveries.lock(tenant, deliveryId).orElseThrow(() -> new NotFoundException("Delivery"));
    var endpoint = get(delivery.endpointId());
    if (!endpoint.enabled()) {
      throw new ConflictException("The endpoint is switched off: switch it on first");
    }
    var next = delivery.redeliver(clock.instant());
    deliveries.update(next);
    queue.schedule(tenant, deliveryId, clock.instant(), true);
    return next;
  }

  /** The event types an endpoint can subscribe to. */
  public List<EventType> eventTypes() {
    return List.of(EventType.values());
  }

  private void save(WebhookEndpoint next) {
    if (!endpoints.update(next)) {
      throw new ConflictException("This endpoint was changed by someone else: reload it and try again");
    }
  }

  private record Checked(WebhookUrl url, Set<EventType> types) {}

  /** The URL and the subscription, every problem at once. */
  private Checked checked(@Nullable String url, List<String> eventTypes) {
    var problems = new java.util.ArrayList<com.orbitcrm.platform.FieldViolation>();
    WebhookUrl u = null;
    Set<EventType> types = null;
    try {
      u = checkedUrl(url);
    } catch (InvalidInputException e) {
      problems.addAll(e.violations());
    }
    try {
      types = EventType.parse(eventTypes);
    } catch (InvalidInputException e) {
      problems.addAll(e.violations());
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new Checked(u, types);
  }

  private WebhookUrl checkedUrl(@Nullable String raw) {
    var url = WebhookUrl.parse(raw);
    destinations.refusal(url).ifPresent(r -> {
      throw InvalidInputException.of("url", "is refused: " + r);
    });
    return url;
  }
}
