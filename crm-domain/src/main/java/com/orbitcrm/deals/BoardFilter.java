package com.orbitcrm.deals;

import com.orbitcrm.tenancy.UserId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which deals the board shows: all live deals of the workspace, narrowed by owner, by text in the
 * deal's name or contact, and by expected close date (inclusive). Column totals use the same filter.
 */
public record BoardFilter(@Nullable UserId ownerId, @Nullable String search, @Nullable LocalDate closeFrom,
                          @Nullable LocalDate closeTo) {

  public static final int MAX_SEARCH = 200;

  public static BoardFilter none() {
    return new BoardFilter(null, null, null, null);
  }

  public boolean any() {
    return ownerId != null || search != null || closeFrom != null || closeTo != null;
  }
}
