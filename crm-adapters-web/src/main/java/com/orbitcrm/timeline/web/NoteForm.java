package com.orbitcrm.timeline.web;

import com.orbitcrm.platform.web.Requests;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A note as typed: its text, whether to pin it, its colour, the version it was edited at. */
record NoteForm(@Nullable String content, @Nullable String pinned, @Nullable String color, @Nullable String version) {

  boolean pin() {
    return "on".equals(pinned);
  }

  @Nullable Integer versionValue() {
    return Requests.version(version);
  }

  Map<String, String> values() {
    var map = new LinkedHashMap<String, String>();
    if (content != null) map.put("content", content);
    if (pinned != null) map.put("pinned", pinned);
    if (color != null) map.put("color", color);
    return map;
  }
}
