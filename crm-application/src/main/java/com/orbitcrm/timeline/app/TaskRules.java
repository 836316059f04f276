package com.orbitcrm.timeline.app;

import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.tenancy.app.ProfileService;
import com.orbitcrm.timeline.Task;
import com.orbitcrm.timeline.TaskDraft;
import java.time.ZoneId;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** A task as typed, checked: its fields ({@link Task#from}, local times in the person's zone) and its assignee a member. */
@Component
class TaskRules {

  private final Supplier<ZoneId> zone;
  private final Predicate<UserId> isMember;

  @Autowired
  TaskRules(ProfileService profile, MemberService members) {
    this(profile::zone, members::isMember);
  }

  /** @param zone the current person's zone; @param isMember whether a user is a member of the current workspace. */
  TaskRules(Supplier<ZoneId> zone, Predicate<UserId> isMember) {
    this.zone = zone;
    this.isMember = isMember;
  }

  Task check(TaskDraft draft, @Nullable UserId fallback) {
    Task task = Task.from(draft.dueAt(), draft.assigneeId(), draft.priority(), zone.get(),
        fallback != null && isMember.test(fallback) ? fallback : null);
    if (task.assignee() != null && !isMember.test(task.assignee())) {
      throw InvalidInputException.of("assigneeId", "must be a member of this workspace");
    }
    return task;
  }
}
