package com.orbitcrm.deals.app;

import com.orbitcrm.customfields.RawValue;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.PipelineId;
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
   * @param pipeline {@literal null} for the workspace's default pipeline.
   */
  public record CreateDeal(DealDraft draft, @Nullable String stage, @Nullable Integer probability,
                           @Nullable String lostReason, @Nullable Instant createdAt, @Nullable LocalDate closedOn,
                           Map<String, RawValue> customFields, @Nullable PipelineId pipeline) {

    public CreateDeal {
      customFields = Map.copyOf(customFields);
    }

    public CreateDeal(DealDraft draft, @Nullable String stage, @Nullable Integer probability,
                      @Nullable String lostReason, @Nullable Instant createdAt, @Nullable LocalDate closedOn,
                      Map<String, RawValue> customFields) {
      this(draft, stage, probability, lostReason, createdAt, closedOn, customFields, null);
    }

    public static CreateDeal of(DealDraft draft) {
      return new CreateDeal(draft, null, null, null, null, null, Map.of());
    }

    /** On this pipeline ({@literal null}: the default one). */
    public CreateDeal onPipeline(@Nullable PipelineId id) {
      return new CreateDeal(draft, stage, probability, lostReason, createdAt, closedOn, customFields, id);
    }

    public CreateDeal inStage(@Nullable String stageKey, @Nullable String reason) {
      return new CreateDeal(draft, stageKey, probability, reason, createdAt, closedOn, customFields, pipeline);
    }

    public CreateDeal withProbability(@Nullable Integer p) {
      return new CreateDeal(draft, stage, p, lostReason, createdAt, closedOn, customFields, pipeline);
    }

    public CreateDeal withHistory(@Nullable Instant created, @Nullable LocalDate closed) {
      return new CreateDeal(draft, stage, probability, lostReason, created, closed, customFields, pipeline);
    }

    /** Custom-field values by field name; defaults fill in the rest, required ones must be there. */
    public CreateDeal withCustomFields(Map<String, RawValue> values) {
      return new CreateDeal(draft, stage, probability, lostReason, createdAt, closedOn, values, pipeline);
    }
  }

  /**
   * A change to a deal's fields, a probability set by hand, and (all or nothing) a move to another stage.
   *
   * @param expectedVersion the version the caller edited; {@literal null} to skip the check.
   * @param probability set by hand, as typed or sent; {@literal null} to leave it.
   * @param stage another stage to move to (at the end of its column), or {@literal null}.
   * @param pipeline another pipeline to move to, or {@literal null}; its {@code stage}, or without one the
   *     stage that obviously matches the deal's ({@link com.orbitcrm.deals.Pipeline#counterpart}).
   */
  public record EditDeal(DealId deal, @Nullable Integer expectedVersion, UnaryOperator<DealDraft> change,
                         @Nullable Integer probability, @Nullable String stage, @Nullable String lostReason,
                         Map<String, RawValue> customFields, @Nullable PipelineId pipeline) {

    public EditDeal {
      customFields = Map.copyOf(customFields);
    }

    public static EditDeal of(DealId deal, @Nullable Integer expectedVersion, UnaryOperator<DealDraft> change) {
      return new EditDeal(deal, expectedVersion, change, null, null, null, Map.of(), null);
    }

    public EditDeal withProbability(@Nullable Integer p) {
      return new EditDeal(deal, expectedVersion, change, p, stage, lostReason, customFields, pipeline);
    }

    public EditDeal movingTo(@Nullable String stageKey, @Nullable String reason) {
      return new EditDeal(deal, expectedVersion, change, probability, stageKey, reason, customFields, pipeline);
    }

    /** Sets the custom fields named (an empty value clears one); fields left out keep their values. */
    public EditDeal withCustomFields(Map<String, RawValue> values) {
      return new EditDeal(deal, expectedVersion, change, probability, stage, lostReason, values, pipeline);
    }

    /** Moves the deal to another pipeline ({@literal null}: stays on its own). */
    public EditDeal onPipeline(@Nullable PipelineId id) {
      return new EditDeal(deal, expectedVersion, change, probability, stage, lostReason, customFields, id);
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
                          @Nullable String lostReason, @Nullable Integer expectedVersion, Fill fill) {

    public PlaceDeal(DealId deal, String stage, @Nullable DealId above, @Nullable DealId below,
                     @Nullable String lostReason, @Nullable Integer expectedVersion) {
      this(deal, stage, above, below, lostReason, expectedVersion, Fill.NONE);
    }
  }

  /**
   * Fields filled in on the way into a stage that requires them (the board's prompt): the deal's own by API
   * name ({@code value}, {@code expectedCloseDate}, {@code contactEmail}) and custom ones by name. Saved with
   * the move, all or nothing.
   */
  public record Fill(Map<String, String> fields, Map<String, RawValue> customFields) {
    public static final Fill NONE = new Fill(Map.of(), Map.of());

    public Fill {
      fields = Map.copyOf(fields);
      customFields = Map.copyOf(customFields);
    }

    public boolean none() {
      return fields.isEmpty() && customFields.isEmpty();
    }
  }
}
