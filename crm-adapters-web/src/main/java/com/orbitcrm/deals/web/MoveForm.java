package com.orbitcrm.deals.web;

import com.orbitcrm.customfields.RawValue;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.EntryRequirements;
import com.orbitcrm.deals.app.DealCommands.Fill;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.Requests;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A drag-and-drop or menu move as the board sends it: the stage and the cards it lands between. */
record MoveForm(@Nullable String stage, @Nullable String above, @Nullable String below, @Nullable String lostReason,
                @Nullable String version) {

  String stageKey() {
    String key = Requests.blank(stage);
    return key == null ? "" : key;
  }

  @Nullable DealId aboveId() {
    return card(above);
  }

  @Nullable DealId belowId() {
    return card(below);
  }

  @Nullable Integer versionValue() {
    return Requests.version(version);
  }

  private static @Nullable DealId card(@Nullable String raw) {
    String v = Requests.blank(raw);
    if (v == null) {
      return null;
    }
    try {
      return new DealId(UUID.fromString(v));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("position", "is not a card of the board");
    }
  }

  /**
   * The fields a stage asked for, as the board's prompt sends them ({@code fill.value}, …, and custom ones
   * as {@code fill.cf.<name>}); none when the move was not prompted.
   */
  Fill fill(HttpServletRequest request) {
    var fields = new LinkedHashMap<String, String>();
    var custom = new LinkedHashMap<String, RawValue>();
    request.getParameterMap().forEach((name, values) -> {
      if (!name.startsWith("fill.") || values.length == 0) {
        return;
      }
      String field = name.substring("fill.".length());
      if (field.startsWith(EntryRequirements.CUSTOM)) {
        // A multiselect's ticked options come as several values of one name.
        custom.put(field.substring(EntryRequirements.CUSTOM.length()), values.length > 1
            ? new RawValue.Items(java.util.Arrays.asList(values)) : RawValue.input(values[0]));
      } else if (EntryRequirements.BUILT_IN.contains(field)) {
        fields.put(field, values[0]);
      }
    });
    return new Fill(fields, custom);
  }
}
