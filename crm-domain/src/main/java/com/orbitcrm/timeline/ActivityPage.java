package com.orbitcrm.timeline;

import com.orbitcrm.platform.CreatedCursor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a timeline, newest first, and where the next (older) one starts. */
public record ActivityPage(List<Activity> items, @Nullable CreatedCursor next) {
  public ActivityPage {
    items = List.copyOf(items);
  }
}
