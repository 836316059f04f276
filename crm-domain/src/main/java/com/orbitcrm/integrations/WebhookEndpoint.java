package com.orbitcrm.integrations;

import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A receiver an admin registered: where deliveries go, which events it wants, the secret they are signed with,
 * and whether it is on. An endpoint that keeps failing is switched off with the reason ({@link #disable}); an
 * admin switches it on again.
 */
public record WebhookEndpoint(TenantId tenant, UUID id, WebhookUrl url, @Nullable String description,
                              Set<EventType> eventTypes, WebhookSecret secret, boolean enabled,
                              @Nullable String disabledReason, @Nullable Instant disabledAt, @Nullable UserId createdBy,
                              Instant createdAt, Instant updatedAt, int version) {

  public static final int MAX_DESCRIPTION = 200;

  public WebhookEndpoint {
    eventTypes = Set.copyOf(eventTypes);
    if (eventTypes.isEmpty()) {
      throw InvalidInputException.of("eventTypes", "choose at least one event type");
    }
  }

  public static WebhookEndpoint register(TenantId tenant, WebhookUrl url, @Nullable String description,
                                         Set<EventType> types, @Nullable UserId by, Instant now) {
    return new WebhookEndpoint(tenant, UUID.randomUUID(), url, description(description), types,
        WebhookSecret.generate(), true, null, null, by, now, now, 0);
  }

  /** A description as typed: blank is none; at most {@link #MAX_DESCRIPTION} characters. */
  public static @Nullable String description(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (raw.strip().length() > MAX_DESCRIPTION) {
      throw InvalidInputException.of("description", "must be at most " + MAX_DESCRIPTION + " characters");
    }
    return raw.strip();
  }

  public boolean wants(EventType type) {
    return enabled && eventTypes.contains(type);
  }

  /** The subscription in a stable order (the enum's), for pages and JSON. */
  public List<EventType> sortedTypes() {
    return eventTypes.stream().sorted(Comparator.naturalOrder()).toList();
  }

  public WebhookEndpoint change(WebhookUrl newUrl, @Nullable String newDescription, Set<EventType> types, Instant now) {
    return new WebhookEndpoint(tenant, id, newUrl, description(newDescription), types, secret, enabled,
        disabledReason, disabledAt, createdBy, createdAt, now, version);
  }

  public WebhookEndpoint rotate(Instant now) {
    return new WebhookEndpoint(tenant, id, url, description, eventTypes, WebhookSecret.generate(), enabled,
        disabledReason, disabledAt, createdBy, createdAt, now, version);
  }

  /** Switched on again by an admin: the reason it was switched off is forgotten. */
  public WebhookEndpoint enable(Instant now) {
    return new WebhookEndpoint(tenant, id, url, description, eventTypes, secret, true, null, null, createdBy,
        createdAt, now, version);
  }

  public WebhookEndpoint disable(String reason, Instant now) {
    return new WebhookEndpoint(tenant, id, url, description, eventTypes, secret, false, reason, now, createdBy,
        createdAt, now, version);
  }
}
