package com.orbitcrm.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Where a page of meetings (in start order) ended: the last one's start and id, opaque to clients. */
public record MeetingCursor(Instant start, UUID id) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("m\n" + start + "\n" + id).getBytes(StandardCharsets.UTF_8));
  }

  public static Optional<MeetingCursor> decode(String token) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
      return parts.length == 3 && parts[0].equals("m")
          ? Optional.of(new MeetingCursor(Instant.parse(parts[1]), UUID.fromString(parts[2])))
          : Optional.empty();
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
