package com.orbitcrm.deals;

import com.orbitcrm.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Secondary port: the stored deals of a workspace. */
public interface Deals {

  /** The deal, trashed or not. */
  Optional<Deal> find(TenantId tenant, DealId id);

  DealPage find(TenantId tenant, DealQuery query);

  /** @throws com.orbitcrm.platform.ConflictException when another deal already holds the rank. */
  void insert(Deal deal);

  /**
   * @return false when the stored version is not {@code deal.version()} (someone else saved first).
   * @throws com.orbitcrm.platform.ConflictException when another deal already holds the rank.
   */
  boolean update(Deal deal);

  /** The ranks just before and after position {@code position} (0-based) of a column, without {@code moving}. */
  record Neighbours(@Nullable BigDecimal before, @Nullable BigDecimal after) {}

  Neighbours neighbours(TenantId tenant, String stage, int position, @Nullable DealId moving);

  /** The rank of the last card of a column, if any, not counting {@code except}. */
  Optional<BigDecimal> lastRank(TenantId tenant, String stage, @Nullable DealId except);

  /**
   * The rank next to {@code rank} in a column, not counting {@code except}: the smallest above it
   * ({@code above}) or the largest below it.
   */
  Optional<BigDecimal> adjacentRank(TenantId tenant, String stage, BigDecimal rank, boolean above,
                                    @Nullable DealId except);

  /** Up to {@code limit} cards of a column in rank order, after {@code afterRank} if given. */
  List<Deal> column(TenantId tenant, String stage, BoardFilter filter, @Nullable BigDecimal afterRank, int limit);

  /** The totals of every column (or of {@code stage} only) per currency, under {@code filter}. */
  List<ColumnTotal> totals(TenantId tenant, BoardFilter filter, @Nullable String stage);

  boolean trash(TenantId tenant, DealId id, Instant at);

  boolean restore(TenantId tenant, DealId id);
}
