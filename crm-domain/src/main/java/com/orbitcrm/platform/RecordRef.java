package com.orbitcrm.platform;

import java.util.Objects;
import java.util.UUID;

/**
 * "A client or a deal" (or any other record type): the one way a module points at a record of another.
 * Polymorphic, so the database cannot hold it to a foreign key; {@link RecordDirectory} answers whether
 * it exists in the current workspace.
 */
public record RecordRef(RecordType type, UUID id) {

  public RecordRef {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(id, "id must not be null");
  }

  @Override
  public String toString() {
    return type.key() + "/" + id;
  }
}
