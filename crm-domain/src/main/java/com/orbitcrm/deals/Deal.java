package com.orbitcrm.deals;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A deal: its details, where it stands on the pipeline ({@link DealProgress}) and its rank in its
 * stage's column. Moving it returns the event to publish; editing never changes its stage.
 *
 * @param version the optimistic lock: a write naming an older version is refused.
 */
public record Deal(DealId id, TenantId tenant, DealDetails details, DealProgress progress, BigDecimal rank,
                   @Nullable UserId createdBy, Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt,
                   int version) {

  public static final int TRASH_DAYS = 30;

  public Deal {
    Objects.requireNonNull(id);
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(details);
    Objects.requireNonNull(progress);
    Objects.requireNonNull(rank);
  }

  public Deal edit(DealDetails next, Instant now) {
    return new Deal(id, tenant, next, progress, rank, createdBy, createdAt, now, deletedAt, version);
  }

  public Deal withProgress(DealProgress next, Instant now) {
    return new Deal(id, tenant, details, next, rank, createdBy, createdAt, now, deletedAt, version);
  }

  /** A move result: the deal in its new place, and the event if its stage changed. */
  public record Moved(Deal deal, @Nullable DealStageChanged event) {}

  /**
   * Moves the deal to {@code target} at {@code newRank}.
   *
   * @throws com.orbitcrm.platform.InvalidInputException when {@code target} is lost and no reason is given.
   */
  public Moved moveTo(Stage target, BigDecimal newRank, @Nullable String lostReason, @Nullable UserId by,
                      LocalDate today, Instant now) {
    DealProgress next = progress.moveTo(target, lostReason, today);
    var moved = new Deal(id, tenant, details, next, newRank, createdBy, createdAt, now, deletedAt, version);
    DealStageChanged event = progress.changesStage(target)
        ? new DealStageChanged(tenant, id, details.clientId(), progress.stage().key(), target.key(), by, now)
        : null;
    return new Moved(moved, event);
  }

  /** The value weighted by the probability of closing, for forecasts and column totals. */
  public BigDecimal weightedValue() {
    return details.value().multiply(BigDecimal.valueOf(progress.probability()))
        .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
  }

  public boolean overdue(LocalDate today) {
    return progress.stage().open() && details.expectedCloseDate() != null
        && details.expectedCloseDate().isBefore(today);
  }
}
