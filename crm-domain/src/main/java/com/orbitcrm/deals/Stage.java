package com.orbitcrm.deals;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column of a pipeline, as data (a row of {@code pipeline_stages}): its key (as stored and sent by the
 * API), label, colour, position, default probability and kind.
 *
 * @param defaultProbability what a deal gets on arriving here unless set by hand: 100 for a won stage,
 *     0 for a lost one.
 */
public record Stage(String key, String label, String color, int order, Probability defaultProbability,
                   StageKind kind) {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,49}");
  private static final Pattern COLOR = Pattern.compile("#[0-9a-f]{6}");

  public Stage {
    Objects.requireNonNull(key);
    Objects.requireNonNull(label);
    Objects.requireNonNull(color);
    Objects.requireNonNull(defaultProbability);
    Objects.requireNonNull(kind);
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a stage key: " + key);
    }
    if (!COLOR.matcher(color).matches()) {
      throw new IllegalArgumentException("not a colour such as #3b82f6: " + color);
    }
    if (kind == StageKind.WON && defaultProbability.percent() != 100
        || kind == StageKind.LOST && defaultProbability.percent() != 0) {
      throw new IllegalArgumentException("a won stage has probability 100 and a lost one 0: " + key);
    }
  }

  public boolean open() {
    return kind == StageKind.OPEN;
  }
}
