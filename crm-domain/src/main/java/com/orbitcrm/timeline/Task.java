package com.orbitcrm.timeline;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What makes a {@code task} activity a task: when it is due, who does it, how urgent it is, and whether (and
 * by whom) it was done. Done and undone are the only changes; each is recorded in the record's timeline.
 *
 * @param dueAt {@literal null}: no due time (the task is upcoming until done).
 * @param assignee a member of the workspace; {@literal null}: nobody (yet).
 */
public record Task(@Nullable Instant dueAt, @Nullable UserId assignee, TaskPriority priority,
                   @Nullable Instant completedAt, @Nullable UserId completedBy) {

  /** A due time given as a date only is due at the end of that working day, in the person's zone. */
  public static final LocalTime DATE_ONLY_TIME = LocalTime.of(17, 0);

  public Task {
    Objects.requireNonNull(priority);
    if (completedAt == null && completedBy != null) {
      throw new IllegalArgumentException("only a done task has a completer");
    }
  }

  public boolean done() {
    return completedAt != null;
  }

  public Task complete(@Nullable UserId by, Instant at) {
    if (done()) {
      throw new IllegalStateException("the task is done already");
    }
    return new Task(dueAt, assignee, priority, at, by);
  }

  public Task reopen() {
    if (!done()) {
      throw new IllegalStateException("the task is open");
    }
    return new Task(dueAt, assignee, priority, null, null);
  }

  /**
   * Checks a task as typed (a form, a JSON body). A due time is ISO-8601: with an offset, or local
   * ({@code 2026-12-01T14:30}, a form's date and time) and then read in {@code zone}, or a date alone
   * ({@link #DATE_ONLY_TIME} that day). The assignee is a user id; whether it is a member is the use case's
   * check.
   *
   * @param assigneeId {@literal null} or blank: {@code fallback}.
   * @throws InvalidInputException with every problem, by field.
   */
  public static Task from(@Nullable String dueAt, @Nullable String assigneeId, @Nullable String priority,
                          ZoneId zone, @Nullable UserId fallback) {
    var violations = new ArrayList<FieldViolation>();
    Instant due = due(violations, dueAt, zone);
    UserId assignee = fallback;
    String a = blank(assigneeId);
    if (a != null) {
      try {
        assignee = new UserId(UUID.fromString(a));
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("assigneeId", "must be the id of a member"));
      }
    }
    TaskPriority p = TaskPriority.NORMAL;
    String rawPriority = blank(priority);
    if (rawPriority != null) {
      p = TaskPriority.of(rawPriority.toLowerCase(Locale.ROOT)).orElse(null);
      if (p == null) {
        violations.add(new FieldViolation("priority", "must be one of low, normal, high"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new Task(due, assignee, p, null, null);
  }

  /** Refuses task fields on an activity that is not a task. */
  public static void onlyForTasks(List<FieldViolation> violations, ActivityType type, @Nullable String dueAt,
                                  @Nullable String assigneeId, @Nullable String priority) {
    if (type == ActivityType.TASK) {
      return;
    }
    for (var field : List.of(new String[] {"dueAt", dueAt}, new String[] {"assigneeId", assigneeId},
        new String[] {"priority", priority})) {
      if (blank(field[1]) != null) {
        violations.add(new FieldViolation(field[0], "is only for task activities, not " + type.key()));
      }
    }
  }

  private static @Nullable Instant due(List<FieldViolation> violations, @Nullable String raw, ZoneId zone) {
    String v = blank(raw);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      try {
        // On the night the clocks go back, the first of the two times is meant (as for meetings).
        return LocalDateTime.parse(v).atZone(zone).toInstant();
      } catch (DateTimeParseException e2) {
        try {
          return LocalDate.parse(v).atTime(DATE_ONLY_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e3) {
          violations.add(new FieldViolation("dueAt", "must be a date and time such as 2026-12-01T14:30:00Z"));
          return null;
        }
      }
    }
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
