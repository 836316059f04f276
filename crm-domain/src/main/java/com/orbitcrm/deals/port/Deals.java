package com.orbitcrm.deals.port;

import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ClosedTotal;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealPage;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.ForecastTotal;
import com.orbitcrm.deals.MonthlyClosed;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.StageReach;
import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Secondary port: the stored deals of a workspace. Internal to the deals module: other modules reach
 * deals through its use cases or the {@link com.orbitcrm.platform.RecordDirectory} seam.
 */
public interface Deals {

  /** The deal, trashed or not. */
  Optional<Deal> find(TenantId tenant, DealId id);

  /** At most {@code limit} live deals each of whose {@code words} starts a word of its name, contact or e-mail. */
  List<Deal> findByWords(TenantId tenant, List<String> words, int limit);

  DealPage find(TenantId tenant, DealQuery query);

  /**
   * Every deal the query matches, newest first (its cursor and limit aside), handed to {@code sink}
   * {@code chunk} at a time from one server-side cursor: an export reads a million in constant memory.
   */
  void each(TenantId tenant, DealQuery query, int chunk, Consumer<List<Deal>> sink);

  /** The names of those of {@code ids} that are live deals of the workspace. */
  Map<DealId, String> names(TenantId tenant, Collection<DealId> ids);

  /** @throws com.orbitcrm.platform.ConflictException when another deal already holds the rank. */
  void insert(Deal deal);

  /**
   * The live deals whose contact e-mail is one of {@code keys} (lower-case), key → deal: the oldest when several
   * are (an API batch's upsert).
   */
  default Map<String, DealId> findLiveByContactEmail(TenantId tenant, Collection<String> keys) {
    throw new UnsupportedOperationException("deals are not matched by e-mail here");
  }

  /**
   * Holds, until the transaction ends, the right to append to the ends of the pipeline's columns: two batches
   * appending at once would otherwise compute the same ranks, and one would fail on the unique rank.
   */
  default void lockColumnEnds(TenantId tenant, PipelineId pipeline) {}

  /** Inserts many new deals at once (an import's batch); the same columns as {@link #insert}. */
  default void insertAll(List<Deal> deals) {
    deals.forEach(this::insert);
  }

  /**
   * @return false when the stored version is not {@code deal.version()} (someone else saved first).
   * @throws com.orbitcrm.platform.ConflictException when another deal already holds the rank.
   */
  boolean update(Deal deal);

  /** The ranks just before and after position {@code position} (0-based) of a column, without {@code moving}. */
  record Neighbours(@Nullable String before, @Nullable String after) {}

  Neighbours neighbours(TenantId tenant, Pipeline pipeline, String stage, int position, @Nullable DealId moving);

  /** The rank of the last card of a column, if any, not counting {@code except}. */
  Optional<String> lastRank(TenantId tenant, Pipeline pipeline, String stage, @Nullable DealId except);

  /**
   * The rank next to {@code rank} in a column, not counting {@code except}: the smallest above it
   * ({@code above}) or the largest below it.
   */
  Optional<String> adjacentRank(TenantId tenant, Pipeline pipeline, String stage, String rank, boolean above,
                                @Nullable DealId except);

  /**
   * Holds the end of a column for the rest of the transaction: appends to one column (a create, a move to the
   * end) take their turn instead of computing the same last rank at the same moment and colliding on the
   * column's unique rank. Moves between two named cards need no turn: a collision there means the card moved
   * meanwhile (409).
   */
  void holdColumnEnd(TenantId tenant, Pipeline pipeline, String stage);

  /** Up to {@code limit} cards of a column in rank order, after {@code afterRank} if given. */
  List<Deal> column(TenantId tenant, Pipeline pipeline, String stage, BoardFilter filter, @Nullable String afterRank,
                    int limit);

  /** The totals of every column (or of {@code stage} only) per currency, under {@code filter}. */
  List<ColumnTotal> totals(TenantId tenant, Pipeline pipeline, BoardFilter filter, @Nullable String stage);

  /**
   * Count, value and weighted value per stage and currency of the deals {@code query} matches on
   * {@code pipeline} (its cursor and limit ignored): the board's totals for any filter of the list.
   */
  List<ColumnTotal> summary(TenantId tenant, Pipeline pipeline, DealQuery query);

  /** The live deals of a column, in rank order (a stage being removed moves them elsewhere). */
  List<Deal> inStage(TenantId tenant, Pipeline pipeline, String stage);

  /** Moves the trashed deals of a stage being removed to {@code to} (live ones move through the domain). */
  void moveTrashed(TenantId tenant, Pipeline pipeline, String from, String to);

  /** How many live deals are on the pipeline. */
  long countOn(TenantId tenant, Pipeline pipeline);

  boolean trash(TenantId tenant, DealId id, Instant at);

  /** Moves live deals to the trash at once; answers those moved. */
  default List<DealId> trashAll(TenantId tenant, Collection<DealId> ids, Instant at) {
    return ids.stream().filter(id -> trash(tenant, id, at)).toList();
  }

  boolean restore(TenantId tenant, DealId id);

  /** Deletes for good what has been in the trash since before {@code cutoff}; answers the ids deleted. */
  List<DealId> purgeTrashedBefore(TenantId tenant, Instant cutoff);

  // ---- Figures for the dashboard: sums over a pipeline's live deals, narrowed by owner -------------

  /**
   * Live deals closed on a day from {@code from} to {@code to} (either open-ended when {@literal null}),
   * per kind and currency, with their cycle days counted in {@code zone}'s calendar (the workspace's).
   */
  List<ClosedTotal> closed(TenantId tenant, Pipeline pipeline, BoardFilter filter, @Nullable LocalDate from,
                           @Nullable LocalDate to, ZoneId zone);

  /**
   * Live deals closed from {@code from} to {@code to} (whole calendar months), per month, kind and
   * currency; {@code filter} narrows by owner only.
   */
  List<MonthlyClosed> closedByMonth(TenantId tenant, Pipeline pipeline, BoardFilter filter, LocalDate from,
                                    LocalDate to);

  /**
   * Live open deals expected to close on or before {@code until} (a month's last day), per expected month,
   * stage and currency; {@code filter} narrows by owner only.
   */
  List<ForecastTotal> forecast(TenantId tenant, Pipeline pipeline, BoardFilter filter, LocalDate until);

  /** How many live open deals have no expected close date; {@code filter} narrows by owner only. */
  long openWithoutCloseDate(TenantId tenant, Pipeline pipeline, BoardFilter filter);

  /**
   * How many live deals first reached each step on a day from {@code from} to {@code to} (both included,
   * {@literal null} open), in the workspace's calendar ({@link com.orbitcrm.deals.Reached}).
   */
  List<StageReach> reached(TenantId tenant, Pipeline pipeline, BoardFilter filter, @Nullable LocalDate from,
                           @Nullable LocalDate to);
}
