package com.orbitcrm.deals;

import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.platform.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A column of a pipeline, as data (a row of {@code pipeline_stages}): its key (as stored and sent by the
 * API), label, colour, position, default probability, kind, and what a deal needs to enter it.
 *
 * @param defaultProbability what a deal gets on arriving here unless set by hand: 100 for a won stage,
 *     0 for a lost one.
 * @param requirements the fields a deal must have before it may enter (a lost stage also asks a reason).
 */
public record Stage(String key, String label, String color, int order, Probability defaultProbability,
                   StageKind kind, EntryRequirements requirements) {

  public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,49}");
  public static final Pattern COLOR = Pattern.compile("#[0-9a-f]{6}");
  public static final int MAX_LABEL = 100;

  /** A stage without entry requirements (beyond a lost stage's reason). */
  public Stage(String key, String label, String color, int order, Probability defaultProbability, StageKind kind) {
    this(key, label, color, order, defaultProbability, kind, EntryRequirements.NONE);
  }

  public Stage {
    Objects.requireNonNull(key);
    Objects.requireNonNull(label);
    Objects.requireNonNull(color);
    Objects.requireNonNull(defaultProbability);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(requirements);
    if (label.isBlank() || label.length() > MAX_LABEL) {
      throw new IllegalArgumentException("a stage label has 1 to " + MAX_LABEL + " characters: " + key);
    }
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

  /**
   * What a deal lacks to enter this stage: the {@link #requirements()} that {@code details} and
   * {@code custom} (its custom-field values by name) do not meet, and for a lost stage a reason. The one
   * check of every way into a stage (a move, a new deal, a deal moved from another pipeline).
   */
  public List<FieldViolation> missingOnEntry(DealDetails details, Map<String, FieldValue> custom,
                                             @Nullable String lostReason) {
    var missing = new ArrayList<>(requirements.missing(details, custom, label));
    if (kind == StageKind.LOST && (lostReason == null || lostReason.isBlank())) {
      missing.add(new FieldViolation(EntryRequirements.LOST_REASON, "is required when a deal is lost"));
    }
    return missing;
  }

  /** Every field {@link #missingOnEntry} may ask for here, requirements first. */
  public List<String> entryFields() {
    var all = new ArrayList<>(requirements.fields());
    if (kind == StageKind.LOST) {
      all.add(EntryRequirements.LOST_REASON);
    }
    return all;
  }
}
