package com.orbitcrm.timeline.web;

import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordSummary;
import com.orbitcrm.platform.Records;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.tenancy.app.ProfileService;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.TaskDue;
import com.orbitcrm.timeline.TaskPage;
import com.orbitcrm.timeline.TaskPriority;
import com.orbitcrm.timeline.app.TaskService;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds what the task templates render: rows with their record and people named, sections of My tasks. */
@Component
class TaskModels {

  static final int PAGE = 50;

  private final TaskService tasks;
  private final Records records;
  private final MemberService members;
  private final ProfileService profile;

  TaskModels(TaskService tasks, Records records, MemberService members, ProfileService profile) {
    this.tasks = tasks;
    this.records = records;
    this.members = members;
    this.profile = profile;
  }

  /** One section of My tasks: its rows and the URL of its next page. */
  record Section(String key, String label, List<TaskView> items, @Nullable String moreUrl) {}

  /** A record's Tasks section: its rows, the add form, the members to assign to. */
  record RecordTasks(RecordRef entity, String key, List<TaskView> items, List<Member> members, String me,
                     Map<String, String> form, Map<String, String> errors) {

    public List<TaskPriority> priorities() {
      return List.of(TaskPriority.values());
    }

    public String base() {
      return "/tasks/" + entity.type().key() + "/" + entity.id();
    }

    public long open() {
      return items.stream().filter(t -> !t.done()).count();
    }
  }

  RecordTasks ofRecord(RecordRef entity, Map<String, String> form, Map<String, String> errors,
                       @Nullable UserId me) {
    var window = tasks.window();
    ZoneId zone = profile.zone();
    Map<UserId, String> names = names();
    List<TaskView> rows = tasks.of(entity).stream()
        .map(a -> view(a, window, zone, names, null, null)).toList();
    return new RecordTasks(entity, TimelineModels.key(entity), rows, members.members(),
        me == null ? "" : me.value().toString(), form, errors);
  }

  Section section(String key, @Nullable UserId assignee, @Nullable CreatedCursor after, String assigneeParam) {
    boolean done = key.equals("done");
    TaskDue due = done ? null : TaskDue.of(key).orElseThrow();
    TaskPage page = tasks.list(assignee, due, done, after, PAGE);
    String more = page.next() == null ? null
        : "/tasks/more?section=" + key + "&assignee=" + assigneeParam + "&cursor=" + page.next().encode();
    return new Section(key, done ? "Done" : due.label(), rows(page.items()), more);
  }

  /** Rows of tasks from anywhere, each with its record named. */
  List<TaskView> rows(List<Activity> items) {
    var window = tasks.window();
    ZoneId zone = profile.zone();
    Map<UserId, String> names = names();
    Map<RecordRef, RecordSummary> labels = records.find(items.stream().map(Activity::entity).distinct().toList());
    return items.stream().map(a -> {
      RecordSummary s = labels.get(a.entity());
      return view(a, window, zone, names, s == null ? "A deleted record" : s.label(), s == null ? null : s.link());
    }).toList();
  }

  TaskView row(Activity a, boolean withRecord) {
    return withRecord ? rows(List.of(a)).getFirst() : view(a, tasks.window(), profile.zone(), names(), null, null);
  }

  private static TaskView view(Activity a, TaskDue.Window window, ZoneId zone, Map<UserId, String> names,
                               @Nullable String label, @Nullable String link) {
    var t = a.task();
    return TaskView.of(a, window, zone, t == null || t.assignee() == null ? null : names.getOrDefault(t.assignee(), "A former member"),
        t == null || t.completedBy() == null ? null : names.get(t.completedBy()), label, link);
  }

  Map<UserId, String> names() {
    Map<UserId, String> names = new HashMap<>();
    for (Member m : members.members()) {
      names.put(m.user(), m.name());
    }
    return names;
  }
}
