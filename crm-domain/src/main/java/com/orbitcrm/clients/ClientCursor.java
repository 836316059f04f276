package com.orbitcrm.clients;

import com.orbitcrm.customfields.FieldId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page ended: the sort key and id of its last row, opaque to clients (URL-safe Base64).
 *
 * @param key the sort column's stored value as text: the name key, an ISO instant, or the spend in cents; for a
 *            custom-field order {@code <field id>:v<value key, URL-safe Base64>}, or {@code <field id>:n} once the
 *            page is past the clients with a value (those without one come last, by id).
 */
public record ClientCursor(ClientSort sort, String key, UUID id) {

  private static final java.util.regex.Pattern FIELD_KEY =
      java.util.regex.Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}:(n|v[A-Za-z0-9_-]*)");

  /** Where a page in a custom field's order ended: at a client with value key {@code valueKey}, or past them. */
  public static ClientCursor ofField(ClientSort sort, FieldId field, @org.jspecify.annotations.Nullable String valueKey,
                                     UUID id) {
    if (!sort.byField()) {
      throw new IllegalArgumentException("not a custom-field order");
    }
    String tail = valueKey == null ? "n"
        : "v" + Base64.getUrlEncoder().withoutPadding().encodeToString(valueKey.getBytes(StandardCharsets.UTF_8));
    return new ClientCursor(sort, field.value() + ":" + tail, id);
  }

  /** The custom field of a custom-field order's cursor. */
  public FieldId field() {
    return new FieldId(UUID.fromString(key.substring(0, key.indexOf(':'))));
  }

  /** The value key of the last row of a custom-field order, or {@literal null} past the clients with a value. */
  public @org.jspecify.annotations.Nullable String fieldKey() {
    String tail = key.substring(key.indexOf(':') + 1);
    return tail.equals("n") ? null
        : new String(Base64.getUrlDecoder().decode(tail.substring(1)), StandardCharsets.UTF_8);
  }

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
        case FIELD, FIELD_DESC -> {
          if (!FIELD_KEY.matcher(key).matches()) {
            return false;
          }
          Base64.getUrlDecoder().decode(key.substring(key.indexOf(':') + 1).replaceFirst("^[vn]", ""));
        }
        default -> {
          return key.indexOf('\0') < 0;
        }
      }
      return true;
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      return false;
    }
  }
}
