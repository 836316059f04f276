package com.orbitcrm.timeline;

import com.orbitcrm.platform.CreatedCursor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of tasks (task activities) and where the next one starts. */
public record TaskPage(List<Activity> items, @Nullable CreatedCursor next) {
  public TaskPage {
    items = List.copyOf(items);
  }
}
