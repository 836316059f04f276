package com.orbitcrm.deals;

import com.orbitcrm.platform.Money;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.platform.RestoreWindow;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import com.orbitcrm.customfields.FieldValue;
import org.jspecify.annotations.Nullable;

/**
 * A deal: its details, the pipeline it is on and where it stands there ({@link DealProgress}), its
 * {@link Rank} in its stage's column, and the day it first reached each step ({@link Reached}). Moving it
 * returns the event to publish; editing never changes its stage.
 *
 * @param version the optimistic lock: a write naming an older version is refused.
 */
public record Deal(DealId id, TenantId tenant, PipelineId pipeline, DealDetails details, DealProgress progress,
                   String rank, Reached reached, @Nullable UserId createdBy, Instant createdAt, Instant updatedAt,
                   @Nullable Instant deletedAt, int version) {

  /** How other modules point at a deal ({@link RecordRef}). */
  public static final RecordType RECORD_TYPE = new RecordType("deal");

  public Deal {
    Objects.requireNonNull(id);
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(pipeline);
    Objects.requireNonNull(details);
    Objects.requireNonNull(progress);
    Objects.requireNonNull(rank);
    Objects.requireNonNull(reached);
  }

  /** A deal that has not reached any step yet (a test's, or one written before its steps are known). */
  public Deal(DealId id, TenantId tenant, PipelineId pipeline, DealDetails details, DealProgress progress,
              String rank, @Nullable UserId createdBy, Instant createdAt, Instant updatedAt,
              @Nullable Instant deletedAt, int version) {
    this(id, tenant, pipeline, details, progress, rank, Reached.NONE, createdBy, createdAt, updatedAt, deletedAt,
        version);
  }

  public Deal edit(DealDetails next, Instant now) {
    return new Deal(id, tenant, pipeline, next, progress, rank, reached, createdBy, createdAt, now, deletedAt,
        version);
  }

  public Deal withProgress(DealProgress next, Instant now) {
    return new Deal(id, tenant, pipeline, details, next, rank, reached, createdBy, createdAt, now, deletedAt,
        version);
  }

  /** A move result: the deal in its new place, and the event if its stage changed. */
  public record Moved(Deal deal, @Nullable DealStageChanged event) {}

  /** A move into a stage that requires no custom field (see the full form). */
  public Moved moveTo(Pipeline on, Stage target, String newRank, @Nullable String lostReason, @Nullable UserId by,
                      LocalDate today, Instant now) {
    return moveTo(on, target, newRank, lostReason, Map.of(), by, today, now);
  }

  /**
   * Moves the deal to {@code target} (a stage of {@code on}, its pipeline) at {@code newRank}; the steps up
   * to the target that it had not reached are reached {@code today}.
   *
   * @param custom the deal's custom-field values by name, for the target's entry requirements.
   * @throws EntryRefused when the deal lacks what {@code target} requires (a lost stage: a reason).
   */
  public Moved moveTo(Pipeline on, Stage target, String newRank, @Nullable String lostReason,
                      Map<String, FieldValue> custom, @Nullable UserId by, LocalDate today, Instant now) {
    boolean otherPipeline = !on.id().equals(pipeline);
    boolean entering = otherPipeline || progress.changesStage(target);
    if (entering) {
      var missing = target.missingOnEntry(details, custom, lostReason);
      if (!missing.isEmpty()) {
        throw new EntryRefused(target, missing);
      }
    }
    return go(on, target, newRank, lostReason, by, today, now);
  }

  /**
   * Moves the deal out of a stage an admin removes, to {@code target} (their choice), without asking for
   * what {@code target} requires: the admin decided where the deals go. A lost target takes {@code reason}.
   */
  public Moved relocate(Pipeline on, Stage target, String newRank, String reason, @Nullable UserId by,
                        LocalDate today, Instant now) {
    return go(on, target, newRank, reason, by, today, now);
  }

  private Moved go(Pipeline on, Stage target, String newRank, @Nullable String lostReason, @Nullable UserId by,
                   LocalDate today, Instant now) {
    boolean otherPipeline = !on.id().equals(pipeline);
    boolean entering = otherPipeline || progress.changesStage(target);
    DealProgress next = otherPipeline ? progress.switchTo(target, lostReason, today)
        : progress.moveTo(target, lostReason, today);
    Reached nowReached = entering ? reached.arrive(on, target, today) : reached;
    var moved = new Deal(id, tenant, on.id(), details, next, newRank, nowReached, createdBy, createdAt, now,
        deletedAt, version);
    DealStageChanged event = entering
        ? new DealStageChanged(tenant, id, details.clientId(), progress.stage().key(), target.key(), by, now,
            pipeline, on.id())
        : null;
    return new Moved(moved, event);
  }

  /** The value weighted by the probability of closing, exact (see {@link Probability#weigh}). */
  public Money weightedValue() {
    return progress.probability().weigh(details.value());
  }

  public boolean overdue(LocalDate today) {
    return progress.stage().open() && details.expectedCloseDate() != null
        && details.expectedCloseDate().isBefore(today);
  }

  public boolean trashed() {
    return deletedAt != null;
  }

  /** Whether the trash still holds it at {@code now}. */
  public boolean restorableAt(Instant now) {
    return deletedAt != null && RestoreWindow.TRASH.open(deletedAt, now);
  }

  public RecordRef ref() {
    return new RecordRef(RECORD_TYPE, id.value());
  }
}
