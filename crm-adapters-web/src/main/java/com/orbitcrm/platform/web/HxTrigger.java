package com.orbitcrm.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * Values for HTMX's {@code HX-Trigger} headers: events for the page, with a toast
 * ({@code orbit:toast}, shown by js/orbit.js). Texts are escaped to ASCII JSON, because a header cannot
 * carry other characters (a client named "Müller" would otherwise arrive garbled).
 */
public final class HxTrigger {

  private HxTrigger() {}

  /** {@code {"orbit:toast": "…"}}. */
  public static String toast(String message) {
    return "{\"orbit:toast\": \"" + json(message) + "\"}";
  }

  /** {@code {"event": true}}, with a toast when {@code message} is given. */
  public static String event(String event, @Nullable String message) {
    return message == null ? "{\"" + json(event) + "\": true}"
        : "{\"" + json(event) + "\": true, \"orbit:toast\": \"" + json(message) + "\"}";
  }

  /** A JSON string's content, ASCII only. */
  static String json(String text) {
    var out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
