package com.orbitcrm.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where an open task stands against the clock, in the viewer's zone: {@link #OVERDUE} (its due time has
 * passed), {@link #TODAY} (due later today), {@link #UPCOMING} (due after today, or without a due time). The
 * three never overlap, and every open task is in one. The task lists' SQL repeats this rule on
 * {@code due_key} (a missing due time stored as the year 9999); a test holds it to {@link #of(Task, Window)}.
 */
public enum TaskDue {
  OVERDUE("Overdue"),
  TODAY("Today"),
  UPCOMING("Upcoming");

  private final String label;

  TaskDue(String label) {
    this.label = label;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static Optional<TaskDue> of(String key) {
    return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst();
  }

  /** The bucket of an open task; empty for a done one. */
  public static Optional<TaskDue> of(Task task, Window window) {
    if (task.done()) {
      return Optional.empty();
    }
    Instant due = task.dueAt();
    if (due == null || !due.isBefore(window.endOfToday())) {
      return Optional.of(UPCOMING);
    }
    return Optional.of(due.isBefore(window.now()) ? OVERDUE : TODAY);
  }

  /** The bucket's due times are in [from, to); {@literal null}: unbounded on that side. */
  public @Nullable Instant from(Window w) {
    return switch (this) {
      case OVERDUE -> null;
      case TODAY -> w.now();
      case UPCOMING -> w.endOfToday();
    };
  }

  /** Exclusive upper bound; {@literal null} for upcoming (tasks without a due time included). */
  public @Nullable Instant to(Window w) {
    return switch (this) {
      case OVERDUE -> w.now();
      case TODAY -> w.endOfToday();
      case UPCOMING -> null;
    };
  }

  /** Now, and the end of today in the viewer's zone (the start of tomorrow). */
  public record Window(Instant now, Instant endOfToday) {
    public Window {
      Objects.requireNonNull(now);
      Objects.requireNonNull(endOfToday);
      if (!endOfToday.isAfter(now)) {
        throw new IllegalArgumentException("today must end after now");
      }
    }

    public static Window at(Instant now, ZoneId zone) {
      return new Window(now, now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
    }
  }
}
