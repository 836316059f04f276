package com.orbitcrm.timeline.port;

import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.timeline.Note;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Secondary port: the stored notes of a workspace. Internal to the timeline module. */
public interface Notes {

  void insert(Note note);

  /** The note, trashed or not. */
  Optional<Note> find(TenantId tenant, UUID id);

  /** The live notes of an entity: pinned first, then newest first. */
  List<Note> of(TenantId tenant, RecordRef entity, int limit);

  /** @return false when the stored version is not {@code note.version()}. */
  boolean update(Note note);

  boolean trash(TenantId tenant, UUID id, Instant at);

  boolean restore(TenantId tenant, UUID id);

  /** Deletes every note of a record that no longer exists, trashed ones too; answers how many. */
  int deleteAllOf(TenantId tenant, RecordRef entity);
}
