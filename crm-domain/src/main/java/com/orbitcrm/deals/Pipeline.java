package com.orbitcrm.deals;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered stages deals move through, as a workspace stores them ({@code pipelines} and
 * {@code pipeline_stages}). Every workspace starts with one, made from {@link #defaultStages()}; the rules
 * of the stage machine look at a stage's kind, never at its key, so pipelines defined by admins need no
 * new code.
 */
public record Pipeline(PipelineId id, String name, List<Stage> stages) {

  public static final String DEFAULT_NAME = "Sales pipeline";

  public Pipeline {
    Objects.requireNonNull(id);
    Objects.requireNonNull(name);
    stages = stages.stream().sorted(Comparator.comparingInt(Stage::order)).toList();
    if (stages.stream().map(Stage::key).distinct().count() != stages.size()) {
      throw new IllegalArgumentException("stage keys must be unique in pipeline " + name);
    }
    if (stages.stream().noneMatch(Stage::open) || stages.stream().noneMatch(s -> s.kind() == StageKind.WON)
        || stages.stream().noneMatch(s -> s.kind() == StageKind.LOST)) {
      throw new IllegalArgumentException("a pipeline needs an open, a won and a lost stage: " + name);
    }
  }

  /**
   * The seed's stages, which every new workspace gets: lead → qualified → proposal → negotiation →
   * closed_won / closed_lost, with default probabilities 10/25/50/75/100/0. The migration that gave
   * existing workspaces their pipeline repeats this list in SQL ({@code orbit_default_stages()}), and a
   * test holds the two together.
   */
  public static List<Stage> defaultStages() {
    return DEFAULT_STAGES;
  }

  private static final List<Stage> DEFAULT_STAGES = List.of(
      new Stage("lead", "Lead", "#64748b", 1, new Probability(10), StageKind.OPEN),
      new Stage("qualified", "Qualified", "#3b82f6", 2, new Probability(25), StageKind.OPEN),
      new Stage("proposal", "Proposal", "#8b5cf6", 3, new Probability(50), StageKind.OPEN),
      new Stage("negotiation", "Negotiation", "#f59e0b", 4, new Probability(75), StageKind.OPEN),
      new Stage("closed_won", "Closed Won", "#10b981", 5, Probability.CERTAIN, StageKind.WON),
      new Stage("closed_lost", "Closed Lost", "#ef4444", 6, Probability.NONE, StageKind.LOST));

  /** A workspace's first pipeline. */
  public static Pipeline withDefaultStages(PipelineId id) {
    return new Pipeline(id, DEFAULT_NAME, DEFAULT_STAGES);
  }

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

  /**
   * Where a deal in {@code from} (a stage of another pipeline) lands here when nobody says: the stage of
   * the same key, else the only stage of the same closed kind (won, lost). Empty when that is not obvious
   * (an open stage without a namesake): the person moving it chooses.
   */
  public Optional<Stage> counterpart(Stage from) {
    var same = stage(from.key()).filter(s -> s.kind() == from.kind());
    if (same.isPresent() || from.open()) {
      return same;
    }
    var ofKind = stages.stream().filter(s -> s.kind() == from.kind()).toList();
    return ofKind.size() == 1 ? Optional.of(ofKind.getFirst()) : Optional.empty();
  }
}
