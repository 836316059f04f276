package com.orbitcrm.deals;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The ordered stages deals move through. Today every workspace has {@link #standard()}; the stages
 * are data so that admins can later define pipelines of their own without new code.
 */
public record Pipeline(String key, List<Stage> stages) {

  public Pipeline {
    stages = stages.stream().sorted(Comparator.comparingInt(Stage::order)).toList();
    if (stages.stream().map(Stage::key).distinct().count() != stages.size()) {
      throw new IllegalArgumentException("stage keys must be unique in pipeline " + key);
    }
    if (stages.stream().noneMatch(s -> s.kind() == StageKind.WON)
        || stages.stream().noneMatch(s -> s.kind() == StageKind.LOST)) {
      throw new IllegalArgumentException("a pipeline needs a won and a lost stage: " + key);
    }
  }

  /** lead → qualified → proposal → negotiation → closed_won / closed_lost, 10/25/50/75/100/0 %. */
  public static Pipeline standard() {
    return STANDARD;
  }

  private static final Pipeline STANDARD = new Pipeline("sales", List.of(
      new Stage("lead", "Lead", "#64748b", 1, 10, StageKind.OPEN),
      new Stage("qualified", "Qualified", "#3b82f6", 2, 25, StageKind.OPEN),
      new Stage("proposal", "Proposal", "#8b5cf6", 3, 50, StageKind.OPEN),
      new Stage("negotiation", "Negotiation", "#f59e0b", 4, 75, StageKind.OPEN),
      new Stage("closed_won", "Closed Won", "#10b981", 5, 100, StageKind.WON),
      new Stage("closed_lost", "Closed Lost", "#ef4444", 6, 0, StageKind.LOST)));

  public Optional<Stage> stage(String key) {
    return stages.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** Where new deals start: the first open stage. */
  public Stage first() {
    return stages.stream().filter(Stage::open).findFirst().orElseThrow();
  }

  /** The stage keys, for error messages and API documentation. */
  public List<String> keys() {
    return stages.stream().map(Stage::key).toList();
  }
}
