package com.orbitcrm.clients;

import com.orbitcrm.customfields.FieldId;
import com.orbitcrm.customfields.ValueFilter;
import com.orbitcrm.tenancy.UserId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which clients to list, in which order, from where. Keyset paging: {@code after} is the position of
 * the last row of the previous page, never an offset, so page 1,000 costs what page 1 costs.
 *
 * @param limit 1 to {@link #MAX_LIMIT}.
 * @param fields custom-field filters, all of which a client must match.
 * @param sortField the custom field of a {@link ClientSort#byField()} order (and only then).
 */
public record ClientQuery(@Nullable String search, @Nullable ClientStatus status, @Nullable String industry,
                          @Nullable UserId ownerId, @Nullable String state, ClientSort sort,
                          @Nullable ClientCursor after, int limit, boolean trashed, List<ValueFilter> fields,
                          @Nullable FieldId sortField) {

  public ClientQuery {
    fields = List.copyOf(fields);
    if (sort.byField() != (sortField != null)) {
      throw new IllegalArgumentException("a custom-field order needs its field, and only it");
    }
    if (after != null && after.sort() != sort) {
      throw new IllegalArgumentException("the cursor is of another order");
    }
  }

  public ClientQuery(@Nullable String search, @Nullable ClientStatus status, @Nullable String industry,
                     @Nullable UserId ownerId, @Nullable String state, ClientSort sort, @Nullable ClientCursor after,
                     int limit, boolean trashed) {
    this(search, status, industry, ownerId, state, sort, after, limit, trashed, List.of(), null);
  }

  /** Only clients whose custom fields match every filter. */
  public ClientQuery withFields(List<ValueFilter> filters) {
    return new ClientQuery(search, status, industry, ownerId, state, sort, after, limit, trashed, filters, sortField);
  }

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public static ClientQuery firstPage() {
    return new ClientQuery(null, null, null, null, null, ClientSort.NAME, null, DEFAULT_LIMIT, false);
  }
}
