package com.orbitcrm.clients;

import com.orbitcrm.tenancy.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Which clients to list, in which order, from where. Keyset paging: {@code after} is the position of
 * the last row of the previous page, never an offset, so page 1,000 costs what page 1 costs.
 *
 * @param limit 1 to {@link #MAX_LIMIT}.
 */
public record ClientQuery(@Nullable String search, @Nullable ClientStatus status, @Nullable String industry,
                          @Nullable UserId ownerId, @Nullable String state, ClientSort sort,
                          @Nullable ClientCursor after, int limit, boolean trashed) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public static ClientQuery firstPage() {
    return new ClientQuery(null, null, null, null, null, ClientSort.NAME, null, DEFAULT_LIMIT, false);
  }
}
