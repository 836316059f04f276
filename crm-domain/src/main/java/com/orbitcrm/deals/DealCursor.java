package com.orbitcrm.deals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Where a page of deals ended (newest first): the last deal's creation time and id, opaque to clients. */
public record DealCursor(Instant createdAt, UUID id) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((createdAt + "\n" + id).getBytes(StandardCharsets.UTF_8));
  }

  public static Optional<DealCursor> decode(String token) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
      return parts.length == 2 ? Optional.of(new DealCursor(Instant.parse(parts[0]), UUID.fromString(parts[1])))
          : Optional.empty();
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
