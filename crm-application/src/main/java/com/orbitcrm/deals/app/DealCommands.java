package com.orbitcrm.deals.app;

import com.orbitcrm.customfields.RawValue;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** The commands of {@link DealService}: what a caller asks for, with every optional part named. */
public final class DealCommands {

  private DealCommands() {}

  /**
   * A new deal.
   *
   * @param stage {@literal null} for the pipeline's first stage.
   * @param probability as typed or sent, {@literal null} for the stage's default; checked with the other
   *     fields, so that a caller learns every problem at once.
   * @param lostReason required when {@code stage} is a lost one.
   * @param createdAt when the deal entered the pipeline, for history brought in (imports, the demo);
   *     {@literal null} for now.
   * @param closedOn for a deal created closed: the day it closed; {@literal null} for today.
   */
  public record CreateDeal(DealDraft draft, @Nullable String stage, @Nullable Integer probability,
                           @Nullable String lostReason, @Nullable Instant createdAt, @Nullable LocalDate closedOn,
                           Map<String, RawValue> customFields) {

    public CreateDeal {
      customFields = Map.copyOf(customFields);
    }

    public static CreateDeal of(DealDraft draft) {
      return new CreateDeal(draft, null, null, null, null, null, Map.of());
    }

    public CreateDeal inStage(@Nullable String stageKey, @Nullable String reason) {
      return new CreateDeal(draft, stageKey, probability, reason, createdAt, closedOn, customFields);
    }

    public CreateDeal withProbability(@Nullable Integer p) {
      return new CreateDeal(draft, stage, p, lostReason, createdAt, closedOn, customFields);
    }

    public CreateDeal withHistory(@Nullable Instant created, @Nullable LocalDate closed) {
      return new CreateDeal(draft, stage, probability, lostReason, created, closed, customFields);
    }

    /** Custom-field values by field name; defaults fill in the rest, required ones must be there. */
    public CreateDeal withCustomFields(Map<String, RawValue> values) {
      return new CreateDeal(draft, stage, probability, lostReason, createdAt, closedOn, values);
    }
  }

  /**
   * A change to a deal's fields, a probability set by hand, and (all or nothing) a move to another stage.
   *
   * @param expectedVersion the version the caller edited; {@literal null} to skip the check.
   * @param probability set by hand, as typed or sent; {@literal null} to leave it.
   * @param stage another stage to move to (at the end of its column), or {@literal null}.
   */
  public record EditDeal(DealId deal, @Nullable Integer expectedVersion, UnaryOperator<DealDraft> change,
                         @Nullable Integer probability, @Nullable String stage, @Nullable String lostReason,
                         Map<String, RawValue> customFields) {

    public EditDeal {
      customFields = Map.copyOf(customFields);
    }

    public static EditDeal of(DealId deal, @Nullable Integer expectedVersion, UnaryOperator<DealDraft> change) {
      return new EditDeal(deal, expectedVersion, change, null, null, null, Map.of());
    }

    public EditDeal withProbability(@Nullable Integer p) {
      return new EditDeal(deal, expectedVersion, change, p, stage, lostReason, customFields);
    }

    public EditDeal movingTo(@Nullable String stageKey, @Nullable String reason) {
      return new EditDeal(deal, expectedVersion, change, probability, stageKey, reason, customFields);
    }

    /** Sets the custom fields named (an empty value clears one); fields left out keep their values. */
    public EditDeal withCustomFields(Map<String, RawValue> values) {
      return new EditDeal(deal, expectedVersion, change, probability, stage, lostReason, values);
    }
  }

  /**
   * Moves a deal to {@code stage}, at {@code position} (0-based) in that column or, without one, at its
   * end (a deal that stays in its stage keeps its place).
   */
  public record MoveDeal(DealId deal, String stage, @Nullable Integer position, @Nullable String lostReason,
                         @Nullable Integer expectedVersion) {}

  /**
   * Moves a deal to {@code stage} between the cards {@code above} and {@code below} as the board showed
   * them (either may be absent: the top or the end of the column).
   */
  public record PlaceDeal(DealId deal, String stage, @Nullable DealId above, @Nullable DealId below,
                          @Nullable String lostReason, @Nullable Integer expectedVersion) {}
}
