package com.orbitcrm.platform.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * Events for the page on htmx-spring-boot's {@link HtmxResponse}: toasts ({@code orbit:toast}, shown by
 * js/orbit.js) and the events sections listen to ({@code dealsChanged}…). Toast texts travel in an HTTP
 * header, which cannot carry other characters than ASCII: they are written as ASCII JSON (a client named
 * "Müller" or a deal "Acme — Pilot" would otherwise arrive garbled).
 */
public final class HxTrigger {

  public static final String TOAST = "orbit:toast";

  private HxTrigger() {}

  /** Shows {@code message} as a toast. */
  public static void toast(HtmxResponse htmx, String message) {
    htmx.addTrigger(TOAST, new AsciiText(message));
  }

  /**
   * Tells the page that {@code event} happened, once the swap has settled (so a section the answer itself
   * replaced hears it too), with a toast if given.
   */
  public static void afterSettle(HtmxResponse htmx, String event, @Nullable String toast) {
    htmx.addTriggerAfterSettle(event);
    if (toast != null) {
      htmx.addTriggerAfterSettle(TOAST, new AsciiText(toast));
    }
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

  /** Text that serialises as an ASCII-only JSON string, whatever the mapper's settings. */
  record AsciiText(String text) implements JacksonSerializable {

    @Override
    public void serialize(JsonGenerator gen, SerializationContext context) {
      gen.writeRawValue("\"" + json(text) + "\"");
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializationContext context, TypeSerializer typeSer) {
      serialize(gen, context);
    }
  }
}
