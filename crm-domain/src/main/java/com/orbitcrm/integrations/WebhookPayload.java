package com.orbitcrm.integrations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of a delivery, as the Standard Webhooks spec shapes it: {@code {"type", "timestamp", "data"}}. Data is
 * thin — the record's id, type and label and what the event itself says (a stage change's stages) — so that a
 * payload never shows what changed since; a receiver reads the record through the API.
 */
public record WebhookPayload(EventType type, Instant timestamp, Map<String, @Nullable Object> data) {

  public WebhookPayload {
    data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /** The JSON text, with members in a fixed order (the bytes that are signed). */
  public String json() {
    var body = new LinkedHashMap<String, @Nullable Object>();
    body.put("type", type.key());
    body.put("timestamp", timestamp.toString());
    body.put("data", data);
    var out = new StringBuilder();
    write(body, out);
    return out.toString();
  }

  static void write(@Nullable Object value, StringBuilder out) {
    switch (value) {
      case null -> out.append("null");
      case String s -> string(s, out);
      case Boolean b -> out.append(b);
      case Integer i -> out.append(i);
      case Long l -> out.append(l);
      case Map<?, ?> map -> {
        out.append('{');
        boolean first = true;
        for (var e : map.entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          string(String.valueOf(e.getKey()), out);
          out.append(':');
          write(e.getValue(), out);
        }
        out.append('}');
      }
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(list.get(i), out);
        }
        out.append(']');
      }
      default -> string(value.toString(), out);
    }
  }

  static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
