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
 * The funnel of a period: for each step towards a win (the open stages and the won one, in order), how many
 * deals reached it in the period — for the first time, skipped steps included ({@link
 * com.orbitcrm.deals.Reached}) — and that count as a share of the step before. The share is the flow of the
 * period, not a cohort: deals that reached the step before earlier may reach this one now, so it can pass
 * 100 %.
 */
public record Funnel(List<Step> steps) {

  /** @param conversion this step's count as a share of the previous step's, in % with one decimal. */
  public record Step(Stage stage, long reached, @Nullable BigDecimal conversion) {}

  public static Funnel of(Pipeline pipeline, List<StageReach> reached) {
    Map<String, Long> byStage = reached.stream().collect(Collectors.toMap(StageReach::stage, StageReach::deals,
        Long::sum));
    List<Stage> path = pipeline.stages().stream().filter(s -> s.kind() != StageKind.LOST).toList();
    var steps = new ArrayList<Step>();
    long previous = 0;
    for (int i = 0; i < path.size(); i++) {
      long count = byStage.getOrDefault(path.get(i).key(), 0L);
      BigDecimal conversion = i == 0 || previous == 0 ? null
          : BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP);
      steps.add(new Step(path.get(i), count, conversion));
      previous = count;
    }
    return new Funnel(steps);
  }
}
