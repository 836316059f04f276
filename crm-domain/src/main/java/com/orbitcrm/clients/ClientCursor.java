package com.orbitcrm.clients;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page ended: the sort key and id of its last row, opaque to clients (URL-safe Base64).
 *
 * @param key the sort column's stored value as text: the name key, an ISO instant, or the spend in cents.
 */
public record ClientCursor(ClientSort sort, String key, UUID id) {

  public String encode() {
    String raw = sort.key() + "\n" + key + "\n" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor in {@code token}, if it is one made for {@code sort}. */
  public static Optional<ClientCursor> decode(String token, ClientSort sort) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
      if (parts.length != 3 || !parts[0].equals(sort.key()) || !wellFormed(sort, parts[1])) {
        return Optional.empty();
      }
      return Optional.of(new ClientCursor(sort, parts[1], UUID.fromString(parts[2])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code key} can be a value of the sort's column (so a forged cursor is refused, not queried). */
  private static boolean wellFormed(ClientSort sort, String key) {
    try {
      switch (sort) {
        case CREATED, CREATED_DESC -> java.time.OffsetDateTime.parse(key);
        case SPEND, SPEND_DESC -> Long.parseLong(key);
        default -> {
          return key.indexOf('\0') < 0;
        }
      }
      return true;
    } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
      return false;
    }
  }
}
