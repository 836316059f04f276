package com.orbitcrm.timeline.web;

import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.Task;
import com.orbitcrm.timeline.TaskDue;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A task as its rows show it (My tasks, a record's Tasks section): every text made once, times in the viewer's
 * zone.
 *
 * @param due "overdue", "today", "upcoming" or "done": the row's colour.
 * @param record the record's name and link; {@literal null} where the row stands on that record's page.
 */
record TaskView(String id, String title, @Nullable String description, String due, String dueText,
                @Nullable String dueIso, String priority, String priorityLabel, @Nullable String assignee,
                boolean done, @Nullable String doneText, @Nullable String recordLabel, @Nullable String recordLink) {

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.US);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.US);

  static TaskView of(Activity a, TaskDue.Window window, ZoneId zone, @Nullable String assigneeName,
                     @Nullable String completerName, @Nullable String recordLabel, @Nullable String recordLink) {
    Task t = a.task();
    if (t == null) {
      throw new IllegalArgumentException("not a task");
    }
    String title = a.details().subject() != null ? a.details().subject() : a.details().description() != null
        ? a.details().description() : "Task";
    String due = TaskDue.of(t, window).map(TaskDue::key).orElse("done");
    String dueText;
    if (t.dueAt() == null) {
      dueText = "No due date";
    } else {
      var at = t.dueAt().atZone(zone);
      var today = window.now().atZone(zone).toLocalDate();
      if (at.toLocalDate().equals(today)) {
        dueText = "Today " + TIME.format(at);
      } else if (at.toLocalDate().equals(today.plusDays(1))) {
        dueText = "Tomorrow " + TIME.format(at);
      } else if (at.toLocalDate().equals(today.minusDays(1))) {
        dueText = "Yesterday " + TIME.format(at);
      } else {
        dueText = DAY_TIME.format(at);
      }
    }
    String doneText = null;
    if (t.completedAt() != null) {
      doneText = "Done " + DAY.format(t.completedAt().atZone(zone)) + (completerName == null ? "" : " by " + completerName);
    }
    return new TaskView(a.id().toString(), title, a.details().subject() != null ? a.details().description() : null,
        due, dueText, t.dueAt() == null ? null : t.dueAt().toString(), t.priority().key(), t.priority().label(),
        assigneeName, t.done(), doneText, recordLabel, recordLink);
  }
}
