package com.orbitcrm.deals;

import com.orbitcrm.platform.CreatedCursor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of deals, and where the next starts ({@literal null} on the last page). */
public record DealPage(List<Deal> items, @Nullable CreatedCursor next) {}
