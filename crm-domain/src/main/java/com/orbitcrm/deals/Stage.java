package com.orbitcrm.deals;

import java.util.Objects;

/**
 * A column of a pipeline, as data: its key (as stored and sent by the API), label, colour, position,
 * default probability and kind.
 *
 * @param defaultProbability 0–100; what a deal gets on arriving here unless set by hand.
 */
public record Stage(String key, String label, String color, int order, int defaultProbability, StageKind kind) {

  public Stage {
    Objects.requireNonNull(key);
    Objects.requireNonNull(label);
    Objects.requireNonNull(color);
    Objects.requireNonNull(kind);
    if (defaultProbability < 0 || defaultProbability > 100) {
      throw new IllegalArgumentException("default probability must be 0..100, was " + defaultProbability);
    }
    if (kind == StageKind.WON && defaultProbability != 100 || kind == StageKind.LOST && defaultProbability != 0) {
      throw new IllegalArgumentException("a won stage has probability 100 and a lost one 0: " + key);
    }
  }

  public boolean open() {
    return kind == StageKind.OPEN;
  }
}
