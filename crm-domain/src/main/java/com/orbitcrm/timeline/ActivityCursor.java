package com.orbitcrm.timeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Where a page of a timeline ended (newest first): the last entry's time and id, opaque to clients. */
public record ActivityCursor(Instant createdAt, UUID id) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((createdAt + "\n" + id).getBytes(StandardCharsets.UTF_8));
  }

  public static Optional<ActivityCursor> decode(String token) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
      return parts.length == 2 ? Optional.of(new ActivityCursor(Instant.parse(parts[0]), UUID.fromString(parts[1])))
          : Optional.empty();
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
