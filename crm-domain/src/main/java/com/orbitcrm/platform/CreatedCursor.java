package com.orbitcrm.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a newest-first page ended (deals, timeline entries): the last row's creation time and id,
 * opaque to clients.
 */
public record CreatedCursor(Instant createdAt, UUID id) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((createdAt + "\n" + id).getBytes(StandardCharsets.UTF_8));
  }

  public static Optional<CreatedCursor> decode(String token) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
      return parts.length == 2 ? Optional.of(new CreatedCursor(Instant.parse(parts[0]), UUID.fromString(parts[1])))
          : Optional.empty();
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
