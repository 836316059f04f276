package com.orbitcrm.deals.web;

import com.orbitcrm.deals.DealId;
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
}
