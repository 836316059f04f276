package com.orbitcrm.deals;

import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.tenancy.UserId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which deals to list: newest first, keyset-paged by ({@code createdAt}, id).
 *
 * @param after the cursor: the last deal of the previous page.
 */
public record DealQuery(@Nullable String stage, @Nullable UserId ownerId, @Nullable ClientId clientId,
                        @Nullable String search, @Nullable LocalDate closeFrom, @Nullable LocalDate closeTo,
                        @Nullable CreatedCursor after, int limit, boolean trashed) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;
}
