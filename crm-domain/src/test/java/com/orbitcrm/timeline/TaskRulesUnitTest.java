package com.orbitcrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A task's fields as typed, and where an open task stands: {@link Task}, {@link TaskDue}. */
class TaskRulesUnitTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final UserId ME = new UserId(UUID.randomUUID());

  @Test
  void dueTimesAreReadWithAnOffsetInThePersonsZoneOrAsADay() {
    assertThat(Task.from("2026-12-01T14:30:00Z", null, null, NEW_YORK, ME).dueAt())
        .isEqualTo(Instant.parse("2026-12-01T14:30:00Z"));
    assertThat(Task.from("2026-12-01T14:30", null, null, NEW_YORK, ME).dueAt())
        .isEqualTo(Instant.parse("2026-12-01T19:30:00Z"));
    assertThat(Task.from("2026-12-01", null, null, NEW_YORK, ME).dueAt())
        .isEqualTo(Instant.parse("2026-12-01T22:00:00Z"));
    // The night the clocks go back: the first 01:30 is meant.
    assertThat(Task.from("2026-11-01T01:30", null, null, NEW_YORK, ME).dueAt())
        .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    var task = Task.from(" ", "", "", NEW_YORK, ME);
    assertThat(task.dueAt()).isNull();
    assertThat(task.assignee()).isEqualTo(ME);
    assertThat(task.priority()).isEqualTo(TaskPriority.NORMAL);
    assertThat(Task.from(null, null, "High", NEW_YORK, null).priority()).isEqualTo(TaskPriority.HIGH);
  }

  @Test
  void everyWrongFieldIsNamedAtOnce() {
    assertThatThrownBy(() -> Task.from("next tuesday", "bob", "urgent", NEW_YORK, ME))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("dueAt", "assigneeId", "priority"));
    var violations = new ArrayList<FieldViolation>();
    Task.onlyForTasks(violations, ActivityType.CALL, "2026-12-01", null, "high");
    assertThat(violations).extracting(FieldViolation::field).containsExactly("dueAt", "priority");
    violations.clear();
    Task.onlyForTasks(violations, ActivityType.TASK, "2026-12-01", ME.toString(), "high");
    assertThat(violations).isEmpty();
  }

  @Test
  void doneAndUndoneKeepWhoAndWhen() {
    var open = Task.from("2026-12-01T10:00:00Z", null, null, NEW_YORK, ME);
    var done = open.complete(ME, Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(done.done()).isTrue();
    assertThat(done.completedBy()).isEqualTo(ME);
    assertThat(done.reopen()).isEqualTo(open);
    assertThatThrownBy(() -> done.complete(ME, Instant.now())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(open::reopen).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Task(null, null, TaskPriority.LOW, null, ME)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOpenTaskIsInExactlyOneBucketOfTheViewersDay() {
    // 23:30 in New York on 30 Nov is 04:30 UTC on 1 Dec: "today" is still the 30th there, ending at 05:00 UTC.
    var window = TaskDue.Window.at(Instant.parse("2026-12-01T04:30:00Z"), NEW_YORK);
    assertThat(window.endOfToday()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    assertThat(bucket("2026-12-01T04:29:59Z", window)).isEqualTo(TaskDue.OVERDUE);
    assertThat(bucket("2026-12-01T04:30:00Z", window)).isEqualTo(TaskDue.TODAY);
    assertThat(bucket("2026-12-01T04:59:59Z", window)).isEqualTo(TaskDue.TODAY);
    assertThat(bucket("2026-12-01T05:00:00Z", window)).isEqualTo(TaskDue.UPCOMING);
    assertThat(TaskDue.of(new Task(null, ME, TaskPriority.NORMAL, null, null), window)).contains(TaskDue.UPCOMING);
    var done = new Task(Instant.parse("2026-11-01T00:00:00Z"), ME, TaskPriority.NORMAL, Instant.EPOCH, ME);
    assertThat(TaskDue.of(done, window)).isEmpty();
    // The bounds the SQL uses agree with the rule.
    for (TaskDue due : TaskDue.values()) {
      for (String at : new String[] {"2026-11-30T00:00:00Z", "2026-12-01T04:30:00Z", "2026-12-01T04:45:00Z",
          "2026-12-01T05:00:00Z", "2027-01-01T00:00:00Z"}) {
        Instant t = Instant.parse(at);
        boolean inBounds = (due.from(window) == null || !t.isBefore(due.from(window)))
            && (due.to(window) == null || t.isBefore(due.to(window)));
        assertThat(inBounds).as(due + " " + at).isEqualTo(bucket(at, window) == due);
      }
    }
  }

  private static TaskDue bucket(String due, TaskDue.Window window) {
    return TaskDue.of(new Task(Instant.parse(due), ME, TaskPriority.NORMAL, null, null), window).orElseThrow();
  }
}
