package com.orbitcrm.deals;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline as an admin defines it (a form, a JSON body), unchecked: a name and its stages in order.
 * {@link #define} checks everything at once and answers every problem with its field
 * ({@code stages[2].color}); a stage without a key gets one made from its label.
 */
public record PipelineDraft(@Nullable String name, List<StageDraft> stages) {

  public static final int MAX_NAME = 100;
  public static final int MAX_STAGES = 30;

  /**
   * One stage as typed.
   *
   * @param key {@literal null} for a new stage (made from the label); an existing stage keeps its key.
   * @param kind {@code open}, {@code won} or {@code lost}.
   * @param probability {@literal null}: 100 for won, 0 for lost, required for open stages.
   */
  public record StageDraft(@Nullable String key, @Nullable String label, @Nullable String color,
                           @Nullable Integer probability, @Nullable String kind, List<String> requiredFields) {
    public StageDraft {
      requiredFields = List.copyOf(requiredFields);
    }

    public static StageDraft of(Stage s) {
      return new StageDraft(s.key(), s.label(), s.color(), s.defaultProbability().percent(), s.kind().key(),
          s.requirements().fields());
    }
  }

  public PipelineDraft {
    stages = List.copyOf(stages);
  }

  public static PipelineDraft of(Pipeline p) {
    return new PipelineDraft(p.name(), p.stages().stream().map(StageDraft::of).toList());
  }

  /** @throws InvalidInputException naming every problem. */
  public Pipeline define(PipelineId id) {
    var problems = new ArrayList<FieldViolation>();
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      problems.add(new FieldViolation("name", "is required"));
    } else if (clean.length() > MAX_NAME) {
      problems.add(new FieldViolation("name", "must be at most " + MAX_NAME + " characters"));
    }
    if (stages.size() > MAX_STAGES) {
      problems.add(new FieldViolation("stages", "must be at most " + MAX_STAGES));
    }
    Set<String> keys = new HashSet<>();
    stages.stream().map(StageDraft::key).filter(Objects::nonNull).forEach(keys::add);
    var built = new ArrayList<Stage>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < stages.size(); i++) {
      StageDraft d = stages.get(i);
      String at = "stages[" + i + "].";
      int before = problems.size();
      String label = d.label() == null ? "" : d.label().strip();
      if (label.isEmpty()) {
        problems.add(new FieldViolation(at + "label", "is required"));
      } else if (label.length() > Stage.MAX_LABEL) {
        problems.add(new FieldViolation(at + "label", "must be at most " + Stage.MAX_LABEL + " characters"));
      }
      String key = d.key() == null || d.key().isBlank() ? keyFor(label, keys) : d.key().strip();
      if (!Stage.KEY.matcher(key).matches()) {
        problems.add(new FieldViolation(at + "key", "must be lower-case letters, digits and _ (starting with a letter)"));
      } else if (!seen.add(key)) {
        problems.add(new FieldViolation(at + "key", "is used by another stage of this pipeline"));
      }
      String color = d.color() == null ? "" : d.color().strip().toLowerCase(Locale.ROOT);
      if (!Stage.COLOR.matcher(color).matches()) {
        problems.add(new FieldViolation(at + "color", "must be a colour such as #3b82f6"));
      }
      StageKind kind = d.kind() == null ? null : StageKind.fromKey(d.kind().strip().toLowerCase(Locale.ROOT)).orElse(null);
      if (kind == null) {
        problems.add(new FieldViolation(at + "kind", "must be open, won or lost"));
      }
      Integer p = d.probability();
      if (kind == StageKind.WON) {
        p = p == null ? 100 : p;
        if (p != 100) problems.add(new FieldViolation(at + "probability", "is 100 for a won stage"));
      } else if (kind == StageKind.LOST) {
        p = p == null ? 0 : p;
        if (p != 0) problems.add(new FieldViolation(at + "probability", "is 0 for a lost stage"));
      } else if (p == null) {
        problems.add(new FieldViolation(at + "probability", "is required"));
      } else if (p < 0 || p > 100) {
        problems.add(new FieldViolation(at + "probability", "must be from 0 to 100"));
      }
      for (String f : d.requiredFields()) {
        if (!EntryRequirements.known(f)) {
          problems.add(new FieldViolation(at + "requiredFields",
              "must name value, expectedCloseDate, contactEmail or cf.<custom field>: " + f));
        }
      }
      if (d.requiredFields().size() > EntryRequirements.MAX_FIELDS) {
        problems.add(new FieldViolation(at + "requiredFields", "must be at most " + EntryRequirements.MAX_FIELDS));
      }
      if (problems.size() == before) {
        built.add(new Stage(key, label, color, i + 1, new Probability(p), kind,
            new EntryRequirements(d.requiredFields())));
      }
    }
    if (problems.isEmpty()) {
      if (built.stream().noneMatch(Stage::open)) {
        problems.add(new FieldViolation("stages", "need at least one open stage"));
      }
      if (built.stream().noneMatch(s -> s.kind() == StageKind.WON)) {
        problems.add(new FieldViolation("stages", "need at least one won stage"));
      }
      if (built.stream().noneMatch(s -> s.kind() == StageKind.LOST)) {
        problems.add(new FieldViolation("stages", "need at least one lost stage"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new Pipeline(id, clean, built);
  }

  /** A key from a label ("Demo booked!" → demo_booked), unique among {@code taken}, which it joins. */
  static String keyFor(String label, Set<String> taken) {
    String ascii = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (ascii.isEmpty() || !Character.isLetter(ascii.charAt(0))) {
      ascii = "stage_" + ascii;
    }
    ascii = ascii.length() > 44 ? ascii.substring(0, 44) : ascii;
    String key = ascii.replaceAll("_+$", "");
    for (int n = 2; taken.contains(key); n++) {
      key = ascii + "_" + n;
    }
    taken.add(key);
    return key;
  }
}
