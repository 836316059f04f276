package com.orbitcrm.timeline;

import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A note on a client or a deal: plain text or a safe subset of Markdown (never HTML: pages escape it),
 * pinned notes first, in one of five colours.
 */
public record Note(UUID id, TenantId tenant, RecordRef entity, String content, boolean pinned, NoteColor color,
                   @Nullable UserId createdBy, Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt,
                   int version) {

  public static final int MAX_CONTENT = 20_000;

  public Note {
    Objects.requireNonNull(content);
    Objects.requireNonNull(color);
  }

  /** Checks typed content; {@literal null} keeps {@code current}. */
  public static String content(@Nullable String raw, @Nullable String current) {
    if (raw == null) {
      if (current == null) {
        throw InvalidInputException.of("content", "is required");
      }
      return current;
    }
    String v = raw.strip();
    if (v.isEmpty()) {
      throw InvalidInputException.of("content", "is required");
    }
    if (v.length() > MAX_CONTENT) {
      throw InvalidInputException.of("content", "must be at most " + MAX_CONTENT + " characters");
    }
    return v;
  }

  /** Checks a typed colour; {@literal null} keeps {@code current}. */
  public static NoteColor color(@Nullable String raw, NoteColor current) {
    if (raw == null || raw.isBlank()) {
      return current;
    }
    return NoteColor.of(raw.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
        InvalidInputException.of("color", "must be one of default, yellow, green, blue, red"));
  }

  public Note edit(String newContent, boolean newPinned, NoteColor newColor, Instant now) {
    return new Note(id, tenant, entity, newContent, newPinned, newColor, createdBy, createdAt, now, deletedAt, version);
  }

  /** The author and admins may change or delete a note. */
  public boolean editableBy(@Nullable UserId user, boolean admin) {
    return admin || (user != null && user.equals(createdBy));
  }
}
