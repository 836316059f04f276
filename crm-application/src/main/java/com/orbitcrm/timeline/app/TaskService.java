package com.orbitcrm.timeline.app;

import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.Records;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.tenancy.app.ProfileService;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityDetails;
import com.orbitcrm.timeline.ActivityType;
import com.orbitcrm.timeline.Task;
import com.orbitcrm.timeline.TaskDue;
import com.orbitcrm.timeline.TaskPage;
import com.orbitcrm.timeline.TaskQuery;
import com.orbitcrm.timeline.port.Activities;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks people work from: the workspace's tasks by assignee and due bucket ("today" in the viewer's zone), a
 * record's tasks, one's overdue count, and done/undone — each recorded in the task's record's timeline as a
 * {@code task_status} entry. Tasks are created as {@code task} activities ({@link TimelineService#log}).
 */
@Service
public class TaskService {

  /** Done tasks shown on a record's page. */
  public static final int DONE_ON_RECORD = 10;

  private final Activities activities;
  private final Records records;
  private final ProfileService profile;
  private final MemberService members;
  private final Clock clock;

  TaskService(Activities activities, Records records, ProfileService profile, MemberService members, Clock clock) {
    this.activities = activities;
    this.records = records;
    this.profile = profile;
    this.members = members;
    this.clock = clock;
  }

  /** Now and the end of today, in the current member's zone (else the workspace's). */
  @Transactional(readOnly = true)
  public TaskDue.Window window() {
    return TaskDue.Window.at(clock.instant(), profile.zone());
  }

  /**
   * A page of tasks.
   *
   * @param assignee only this member's ({@literal null}: everyone's); not a member is a field error.
   * @param due a bucket of the open tasks; {@literal null}: all open ones.
   * @param done the done tasks instead, most recently done first.
   */
  @Transactional(readOnly = true)
  public TaskPage list(@Nullable UserId assignee, @Nullable TaskDue due, boolean done, @Nullable CreatedCursor after,
                       int limit) {
    var tenant = TenantContext.requireTenant();
    if (limit < 1 || limit > TaskQuery.MAX_LIMIT) {
      throw InvalidInputException.of("limit", "must be between 1 and " + TaskQuery.MAX_LIMIT);
    }
    if (assignee != null && !members.isMember(assignee)) {
      throw InvalidInputException.of("assigneeId", "must be a member of this workspace");
    }
    return activities.tasks(tenant, new TaskQuery(assignee, due, done, window(), after, limit));
  }

  /** The current member's open tasks whose due time has passed. */
  @Transactional(readOnly = true)
  public int overdueCount() {
    var scope = TenantContext.require();
    if (scope.user() == null) {
      return 0;
    }
    return activities.countOpenDueBefore(scope.tenant(), scope.user(), clock.instant());
  }

  /** A live record's tasks: open ones by due time, then the last {@value #DONE_ON_RECORD} done. */
  @Transactional(readOnly = true)
  public List<Activity> of(RecordRef entity) {
    var tenant = TenantContext.requireTenant();
    records.require(entity);
    return activities.tasksOf(tenant, entity, DONE_ON_RECORD);
  }

  @Transactional(readOnly = true)
  public Activity get(UUID id) {
    return find(TenantContext.requireTenant(), id);
  }

  /** Marks a task done (once: a done task stays as it was) and records it in its record's timeline. */
  @Transactional
  public Activity complete(UUID id) {
    var scope = TenantContext.requireWriter();
    Activity a = find(scope.tenant(), id);
    Task task = a.task();
    if (task == null || task.done()) {
      return a;
    }
    Activity changed = a.withTask(task.complete(scope.user(), clock.instant()));
    save(changed, "Completed: ", "completed");
    return changed;
  }

  /** Marks a done task open again, and records that too. */
  @Transactional
  public Activity reopen(UUID id) {
    var scope = TenantContext.requireWriter();
    Activity a = find(scope.tenant(), id);
    Task task = a.task();
    if (task == null || !task.done()) {
      return a;
    }
    Activity changed = a.withTask(task.reopen());
    save(changed, "Reopened: ", "reopened");
    return changed;
  }

  private void save(Activity task, String prefix, String action) {
    var scope = TenantContext.require();
    activities.updateTask(scope.tenant(), task.id(), task.task());
    String subject = task.details().subject() != null ? task.details().subject()
        : task.details().description() != null ? task.details().description() : "Task";
    String title = prefix + (subject.length() > 200 ? subject.substring(0, 200) + "…" : subject);
    activities.insert(new Activity(UUID.randomUUID(), scope.tenant(), task.entity(), ActivityDetails.taskStatus(title),
        Map.of("taskId", task.id().toString(), "action", action), Activity.EmailTracking.NONE, scope.user(),
        clock.instant()));
  }

  private Activity find(com.orbitcrm.tenancy.TenantId tenant, UUID id) {
    return activities.find(tenant, id).filter(a -> a.type() == ActivityType.TASK)
        .orElseThrow(() -> new NotFoundException("Task"));
  }
}
