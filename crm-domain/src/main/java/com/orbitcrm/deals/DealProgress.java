package com.orbitcrm.deals;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a deal stands on its pipeline, and the stage machine that moves it:
 * <ul>
 *   <li>arriving at a stage sets its default probability, unless the probability was set by hand and
 *       the deal moves between open stages;</li>
 *   <li>a won stage sets probability 100 and the actual close date;</li>
 *   <li>a lost stage <em>requires</em> a lost reason, sets probability 0 and the actual close date;</li>
 *   <li>reopening a closed deal clears the actual close date and the lost reason.</li>
 * </ul>
 * The rules look at the stages' kinds (open, won, lost), never at their names.
 *
 * @param probabilityManual whether a person set the probability by hand.
 */
public record DealProgress(Stage stage, Probability probability, boolean probabilityManual,
                           @Nullable LocalDate actualCloseDate, @Nullable String lostReason) {

  public static final int MAX_LOST_REASON = 1000;

  public DealProgress {
    Objects.requireNonNull(stage);
    Objects.requireNonNull(probability);
  }

  /**
   * A new deal in {@code stage}, with that stage's default probability unless one is given.
   *
   * @param closedOn when {@code stage} is closed: the day it closed (history brought in by an import),
   *     {@literal null} for {@code today}.
   */
  public static DealProgress start(Stage stage, @Nullable Probability probability, @Nullable String lostReason,
                                   @Nullable LocalDate closedOn, LocalDate today) {
    var initial = new DealProgress(stage, stage.defaultProbability(), false, null, null);
    var moved = stage.open() ? initial : initial.arriveAt(stage, lostReason, closedOn == null ? today : closedOn);
    return probability == null || !stage.open() ? moved : moved.withProbability(probability);
  }

  /**
   * What is wrong with the history a new deal is brought in with (an import, an API client moving its old
   * CRM's deals): it entered the pipeline at {@code createdAt}, not in the future; an actual close date
   * only for a deal created in a closed stage, not in the future and not before the day it was created
   * ({@code zone} is the workspace's calendar). Empty when there is nothing wrong.
   */
  public static List<FieldViolation> historyProblems(
      Stage stage, @Nullable Instant createdAt, @Nullable LocalDate closedOn, Instant now,
      ZoneId zone) {
    var problems = new ArrayList<FieldViolation>();
    if (createdAt != null && createdAt.isAfter(now)) {
      problems.add(new FieldViolation("createdAt", "cannot be in the future"));
    }
    if (closedOn != null) {
      if (stage.open()) {
        problems.add(new FieldViolation("actualCloseDate",
            "is only for a deal created in a closed stage (" + stage.key() + " is open)"));
      } else if (closedOn.isAfter(LocalDate.ofInstant(now, zone))) {
        problems.add(new FieldViolation("actualCloseDate", "cannot be in the future"));
      } else if (createdAt != null && closedOn.isBefore(LocalDate.ofInstant(createdAt, zone))) {
        problems.add(new FieldViolation("actualCloseDate",
            "cannot be before the deal was created"));
      }
    }
    return problems;
  }

  /** Whether {@code target} is a different stage (a move within a column is only a reorder). */
  public boolean changesStage(Stage target) {
    return !target.key().equals(stage.key());
  }

  /**
   * The progress after moving to {@code target}.
   *
   * @throws InvalidInputException when {@code target} is lost and no reason is given.
   */
  public DealProgress moveTo(Stage target, @Nullable String reason, LocalDate today) {
    if (!changesStage(target)) {
      return this;
    }
    return arriveAt(target, reason, today);
  }

  /**
   * The progress on another pipeline, at its stage {@code target}: a stage of the same key and kind keeps
   * the deal as it stands (its probability, its close date); any other is an arrival.
   */
  public DealProgress switchTo(Stage target, @Nullable String reason, LocalDate today) {
    if (target.key().equals(stage.key()) && target.kind() == stage.kind()) {
      return new DealProgress(target, probability, probabilityManual, actualCloseDate, lostReason);
    }
    return arriveAt(target, reason, today);
  }

  private DealProgress arriveAt(Stage target, @Nullable String reason, LocalDate today) {
    return switch (target.kind()) {
      case WON -> new DealProgress(target, Probability.CERTAIN, false, today, null);
      case LOST -> {
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
          throw InvalidInputException.of("lostReason", "is required when a deal is lost");
        }
        if (clean.length() > MAX_LOST_REASON) {
          throw InvalidInputException.of("lostReason", "must be at most " + MAX_LOST_REASON + " characters");
        }
        yield new DealProgress(target, Probability.NONE, false, today, clean);
      }
      case OPEN -> {
        boolean keepManual = probabilityManual && stage.open();
        yield new DealProgress(target, keepManual ? probability : target.defaultProbability(), keepManual, null, null);
      }
    };
  }

  /** A probability set by hand: kept across moves between open stages. Closed stages fix theirs. */
  public DealProgress withProbability(Probability percent) {
    if (!stage.open()) {
      throw InvalidInputException.of("probability", "is fixed for a closed deal (100 when won, 0 when lost)");
    }
    return new DealProgress(stage, percent, true, actualCloseDate, lostReason);
  }
}
