package com.orbitcrm.timeline.web;

import com.orbitcrm.timeline.Note;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A note as the API shows it: the fields of the original spec ({@code isPinned}, {@code color}). */
record NoteJson(String id, String entityType, String entityId, String content, boolean isPinned, String color,
                @Nullable String createdBy, Instant createdAt, Instant updatedAt, int version) {

  static NoteJson of(Note n) {
    return new NoteJson(n.id().toString(), n.entity().type().key(), n.entity().id().toString(), n.content(),
        n.pinned(), n.color().key(), n.createdBy() == null ? null : n.createdBy().toString(), n.createdAt(),
        n.updatedAt(), n.version());
  }
}
