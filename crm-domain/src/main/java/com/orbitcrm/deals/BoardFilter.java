package com.orbitcrm.deals;

import com.orbitcrm.customfields.ValueFilter;
import com.orbitcrm.tenancy.UserId;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which deals the board shows: all live deals of the workspace, narrowed by owner, by text in the
 * deal's name or contact, by expected close date (inclusive), and by custom fields ({@code fields}, all of which a
 * deal must match). Column totals use the same filter.
 */
public record BoardFilter(@Nullable UserId ownerId, @Nullable String search, @Nullable LocalDate closeFrom,
                          @Nullable LocalDate closeTo, List<ValueFilter> fields) {

  public BoardFilter {
    fields = List.copyOf(fields);
  }

  public BoardFilter(@Nullable UserId ownerId, @Nullable String search, @Nullable LocalDate closeFrom,
                     @Nullable LocalDate closeTo) {
    this(ownerId, search, closeFrom, closeTo, List.of());
  }

  /** Only deals whose custom fields match every filter. */
  public BoardFilter withFields(List<ValueFilter> filters) {
    return new BoardFilter(ownerId, search, closeFrom, closeTo, filters);
  }

  public static final int MAX_SEARCH = 200;

  public static BoardFilter none() {
    return new BoardFilter(null, null, null, null);
  }

  public boolean any() {
    return ownerId != null || search != null || closeFrom != null || closeTo != null || !fields.isEmpty();
  }
}
