package com.orbitcrm.timeline.app;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.Clients;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.Deals;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.timeline.EntityRef;
import com.orbitcrm.timeline.EntityType;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks the polymorphic reference of activities and notes: the client or deal must exist, live, in
 * the caller's workspace. The database cannot (no foreign key across two tables), so this does.
 */
@Component
class Entities {

  private final Clients clients;
  private final Deals deals;

  Entities(Clients clients, Deals deals) {
    this.clients = clients;
    this.deals = deals;
  }

  /** Parses typed input; a bad type or id is a field error. */
  static EntityRef parse(@Nullable String type, @Nullable String id) {
    EntityType entityType = type == null ? null : EntityType.of(type.strip().toLowerCase(Locale.ROOT)).orElse(null);
    if (entityType == null) {
      throw InvalidInputException.of("entityType", "must be client or deal");
    }
    try {
      return new EntityRef(entityType, UUID.fromString(id == null ? "" : id.strip()));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("entityId", "is not an id");
    }
  }

  /** @throws NotFoundException when it is not a live client or deal of {@code tenant}. */
  void require(TenantId tenant, EntityRef ref) {
    boolean exists = switch (ref.type()) {
      case CLIENT -> clients.find(tenant, new ClientId(ref.id())).filter(c -> !c.trashed()).isPresent();
      case DEAL -> deals.find(tenant, new DealId(ref.id())).filter(d -> d.deletedAt() == null).isPresent();
    };
    if (!exists) {
      throw new NotFoundException(ref.type() == EntityType.CLIENT ? "Client" : "Deal");
    }
  }

  /** As {@link #require}, but a missing entity named in a body is a 400 on that field. */
  void requireReferenced(TenantId tenant, EntityRef ref) {
    try {
      require(tenant, ref);
    } catch (NotFoundException e) {
      throw InvalidInputException.of("entityId", "is not a " + ref.type().key() + " of this workspace");
    }
  }
}
