package com.orbitcrm.timeline;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a timeline, newest first, and where the next (older) one starts. */
public record ActivityPage(List<Activity> items, @Nullable ActivityCursor next) {
  public ActivityPage {
    items = List.copyOf(items);
  }
}
