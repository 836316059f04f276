package com.orbitcrm.insights;

import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.deals.StageReach;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The funnel of a period: for each stage that leads to a win (the open stages and the won one, in order),
 * how many deals active in the period got at least that far, and what share of those at the step before
 * went on. A deal counts at every step up to the furthest stage it reached; lost stages are not steps.
 */
public record Funnel(List<Step> steps) {

  /** @param conversion the share of the previous step's deals that reached this one, in % with one decimal. */
  public record Step(Stage stage, long reached, @Nullable BigDecimal conversion) {}

  public static Funnel of(Pipeline pipeline, List<StageReach> furthest) {
    Map<String, Long> byStage = furthest.stream().collect(Collectors.toMap(StageReach::stage, StageReach::deals,
        Long::sum));
    List<Stage> path = pipeline.stages().stream().filter(s -> s.kind() != StageKind.LOST).toList();
    long[] atLeast = new long[path.size()];
    long running = 0;
    for (int i = path.size() - 1; i >= 0; i--) {
      running += byStage.getOrDefault(path.get(i).key(), 0L);
      atLeast[i] = running;
    }
    var steps = new ArrayList<Step>();
    for (int i = 0; i < path.size(); i++) {
      BigDecimal conversion = i == 0 || atLeast[i - 1] == 0 ? null
          : BigDecimal.valueOf(atLeast[i] * 100).divide(BigDecimal.valueOf(atLeast[i - 1]), 1, RoundingMode.HALF_UP);
      steps.add(new Step(path.get(i), atLeast[i], conversion));
    }
    return new Funnel(steps);
  }
}
