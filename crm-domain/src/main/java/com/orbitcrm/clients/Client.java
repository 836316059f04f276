package com.orbitcrm.clients;

import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.platform.RestoreWindow;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A company we sell to. Assigning or changing its account owner stamps {@code accountOwnerAssignedDate};
 * deleting it moves it to the trash ({@code deletedAt}), from which an admin may restore it within the
 * {@link RestoreWindow#TRASH}; after that the housekeeping purges it.
 *
 * @param version the optimistic lock: an update that names an older version is refused.
 */
public record Client(ClientId id, TenantId tenant, ClientDetails details, @Nullable Instant accountOwnerAssignedDate,
                     @Nullable UserId createdBy, Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt,
                     int version) {

  /** How other modules point at a client ({@link com.orbitcrm.platform.RecordRef}). */
  public static final RecordType RECORD_TYPE = new RecordType("client");

  public Client {
    Objects.requireNonNull(id);
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(details);
  }

  public static Client create(ClientId id, TenantId tenant, ClientDetails details, @Nullable UserId by, Instant now) {
    return new Client(id, tenant, details, details.accountOwnerId() == null ? null : now, by, now, now, null, 0);
  }

  /** The client with new details; a new (or first) account owner is stamped with {@code now}. */
  public Client edit(ClientDetails next, Instant now) {
    Instant assigned = accountOwnerAssignedDate;
    if (next.accountOwnerId() == null) {
      assigned = null;
    } else if (!next.accountOwnerId().equals(details.accountOwnerId())) {
      assigned = now;
    }
    return new Client(id, tenant, next, assigned, createdBy, createdAt, now, deletedAt, version);
  }

  public boolean trashed() {
    return deletedAt != null;
  }

  /** Whether the trash still holds it at {@code now}. */
  public boolean restorableAt(Instant now) {
    return deletedAt != null && RestoreWindow.TRASH.open(deletedAt, now);
  }

  public RecordRef ref() {
    return new RecordRef(RECORD_TYPE, id.value());
  }
}
