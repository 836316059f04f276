package com.orbitcrm.timeline;

import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.tenancy.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A page of the workspace's tasks: open ones by due time (those without one last), in one {@link TaskDue} bucket
 * or all; or done ones, most recently done first.
 *
 * @param assignee only this member's; {@literal null}: everyone's.
 * @param due only this bucket of the open tasks; {@literal null}: every open task. Ignored for done ones.
 * @param after where the previous page ended: (due key, id) of open tasks, (done time, id) of done ones.
 */
public record TaskQuery(@Nullable UserId assignee, @Nullable TaskDue due, boolean done, TaskDue.Window window,
                        @Nullable CreatedCursor after, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public TaskQuery {
    Objects.requireNonNull(window);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }
  }
}
