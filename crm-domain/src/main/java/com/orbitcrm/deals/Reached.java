package com.orbitcrm.deals;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The day a deal first reached each step of its pipeline. The steps are the stages that lead to a win (the
 * open ones and won, in order; a lost stage is not a step). Arriving at a stage reaches it and every step
 * before it that the deal skipped; a step keeps the day it was first reached, so a deal moved back and
 * forth counts once. The dashboard's funnel counts these days: "deals that reached each stage in the
 * period" are the deals whose day for that step falls in it.
 *
 * @param firstOn step key → the day, in the workspace's calendar.
 */
public record Reached(Map<String, LocalDate> firstOn) {

  public static final Reached NONE = new Reached(Map.of());

  public Reached {
    firstOn = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(firstOn)));
  }

  /**
   * A deal that enters the pipeline in {@code stage} on {@code enteredOn}: it reached that stage and the
   * steps before it then — except a won stage, reached on the day it closed ({@code closedOn}, for history
   * brought in), when given.
   */
  public static Reached start(Pipeline pipeline, Stage stage, LocalDate enteredOn, @Nullable LocalDate closedOn) {
    Reached before = NONE.arrive(pipeline, stage, enteredOn);
    if (stage.kind() != StageKind.WON || closedOn == null) {
      return before;
    }
    var days = new LinkedHashMap<>(before.firstOn);
    days.put(stage.key(), closedOn);
    return new Reached(days);
  }

  /** After arriving at {@code stage} on {@code day}: the steps up to it that were not reached yet are now. */
  public Reached arrive(Pipeline pipeline, Stage stage, LocalDate day) {
    if (stage.kind() == StageKind.LOST) {
      return this;
    }
    var days = new LinkedHashMap<>(firstOn);
    for (Stage step : pipeline.stages()) {
      if (step.kind() != StageKind.LOST && step.order() <= stage.order()) {
        days.putIfAbsent(step.key(), day);
      }
    }
    return days.equals(firstOn) ? this : new Reached(days);
  }

  /** The day {@code step} was first reached, or {@literal null}. */
  public @Nullable LocalDate on(String step) {
    return firstOn.get(step);
  }
}
