package com.orbitcrm.deals;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.customfields.ValueFilter;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.tenancy.UserId;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which deals to list: newest first, keyset-paged by ({@code createdAt}, id). Built from
 * {@link #newest(int)} and narrowed step by step.
 *
 * @param statuses only deals in a stage of one of these kinds (open, won, lost); empty: any.
 * @param closeFrom,closeTo the expected close date, both ends included.
 * @param closedFrom,closedTo the actual close date, both ends included.
 * @param after the cursor: the last deal of the previous page.
 * @param fields custom-field filters, all of which a deal must match.
 * @param pipeline only the deals of this pipeline ({@literal null}: of every pipeline).
 */
public record DealQuery(@Nullable String stage, Set<StageKind> statuses, @Nullable UserId ownerId,
                        @Nullable ClientId clientId, @Nullable String search, @Nullable LocalDate closeFrom,
                        @Nullable LocalDate closeTo, @Nullable LocalDate closedFrom, @Nullable LocalDate closedTo,
                        @Nullable CreatedCursor after, int limit, boolean trashed, List<ValueFilter> fields,
                        @Nullable PipelineId pipeline) {

  public DealQuery(@Nullable String stage, Set<StageKind> statuses, @Nullable UserId ownerId,
                   @Nullable ClientId clientId, @Nullable String search, @Nullable LocalDate closeFrom,
                   @Nullable LocalDate closeTo, @Nullable LocalDate closedFrom, @Nullable LocalDate closedTo,
                   @Nullable CreatedCursor after, int limit, boolean trashed) {
    this(stage, statuses, ownerId, clientId, search, closeFrom, closeTo, closedFrom, closedTo, after, limit, trashed,
        List.of(), null);
  }

  /** Only deals whose custom fields match every filter. */
  public DealQuery withFields(List<ValueFilter> filters) {
    return new DealQuery(stage, statuses, ownerId, clientId, search, closeFrom, closeTo, closedFrom, closedTo, after,
        limit, trashed, filters, pipeline);
  }

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public DealQuery {
    statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    fields = List.copyOf(fields);
  }

  /** The newest live deals, {@code limit} of them. */
  public static DealQuery newest(int limit) {
    return new DealQuery(null, Set.of(), null, null, null, null, null, null, null, null, limit, false);
  }

  public DealQuery inStage(@Nullable String key) {
    return new DealQuery(key, statuses, ownerId, clientId, search, closeFrom, closeTo, closedFrom, closedTo, after,
        limit, trashed, fields, pipeline);
  }

  /** Only deals in a stage of one of these kinds (none given: any). */
  public DealQuery withStatus(StageKind... kinds) {
    return new DealQuery(stage, Set.of(kinds), ownerId, clientId, search, closeFrom, closeTo, closedFrom, closedTo, after,
        limit, trashed, fields, pipeline);
  }

  public DealQuery ownedBy(@Nullable UserId owner) {
    return new DealQuery(stage, statuses, owner, clientId, search, closeFrom, closeTo, closedFrom, closedTo, after,
        limit, trashed, fields, pipeline);
  }

  public DealQuery ofClient(@Nullable ClientId client) {
    return new DealQuery(stage, statuses, ownerId, client, search, closeFrom, closeTo, closedFrom, closedTo, after,
        limit, trashed, fields, pipeline);
  }

  public DealQuery matching(@Nullable String text) {
    return new DealQuery(stage, statuses, ownerId, clientId, text, closeFrom, closeTo, closedFrom, closedTo, after,
        limit, trashed, fields, pipeline);
  }

  public DealQuery expectedBetween(@Nullable LocalDate from, @Nullable LocalDate to) {
    return new DealQuery(stage, statuses, ownerId, clientId, search, from, to, closedFrom, closedTo, after, limit,
        trashed, fields, pipeline);
  }

  public DealQuery closedBetween(@Nullable LocalDate from, @Nullable LocalDate to) {
    return new DealQuery(stage, statuses, ownerId, clientId, search, closeFrom, closeTo, from, to, after, limit,
        trashed, fields, pipeline);
  }

  public DealQuery after(@Nullable CreatedCursor cursor) {
    return new DealQuery(stage, statuses, ownerId, clientId, search, closeFrom, closeTo, closedFrom, closedTo, cursor,
        limit, trashed, fields, pipeline);
  }

  /** The trash instead of the live deals. */
  public DealQuery inTrash() {
    return new DealQuery(stage, statuses, ownerId, clientId, search, closeFrom, closeTo, closedFrom, closedTo, after,
        limit, true, fields, pipeline);
  }

  /** Only the deals of one pipeline ({@literal null}: of every pipeline). */
  public DealQuery inPipeline(@Nullable PipelineId id) {
    return new DealQuery(stage, statuses, ownerId, clientId, search, closeFrom, closeTo, closedFrom, closedTo, after,
        limit, trashed, fields, id);
  }

  /** Whether anything narrows the deals beyond their pipeline and whether they are in the trash. */
  public boolean narrowed() {
    return stage != null || !statuses.isEmpty() || ownerId != null || clientId != null || search != null
        || closeFrom != null || closeTo != null || closedFrom != null || closedTo != null || !fields.isEmpty();
  }
}
