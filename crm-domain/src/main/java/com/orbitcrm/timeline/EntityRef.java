package com.orbitcrm.timeline;

import java.util.Objects;
import java.util.UUID;

/**
 * A client or a deal an activity or note belongs to. Polymorphic, so the database cannot hold it to a
 * foreign key: {@code TimelineService} checks that it exists in the caller's workspace.
 */
public record EntityRef(EntityType type, UUID id) {
  public EntityRef {
    Objects.requireNonNull(type);
    Objects.requireNonNull(id);
  }
}
