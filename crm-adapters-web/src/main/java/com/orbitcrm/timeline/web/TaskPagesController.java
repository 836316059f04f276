package com.orbitcrm.timeline.web;

import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.platform.web.HxTrigger;
import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.timeline.ActivityDraft;
import com.orbitcrm.timeline.TaskDraft;
import com.orbitcrm.timeline.app.TaskService;
import com.orbitcrm.timeline.app.TimelineService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Tasks in the browser: My tasks (overdue, today, upcoming, done; admins may look at anyone's or everyone's), a
 * record's Tasks section with its add form, ticking a task done or undone from either (its record's timeline
 * hears {@value #CHANGED}), and the overdue count the shell shows.
 */
@Controller
class TaskPagesController {

  /** The page event after a task changed: the shell's count and the timelines reload. */
  static final String CHANGED = "tasksChanged";
  static final List<String> SECTIONS = List.of("overdue", "today", "upcoming", "done");

  private final TaskService tasks;
  private final TimelineService timeline;
  private final TaskModels models;
  private final MemberService members;

  TaskPagesController(TaskService tasks, TimelineService timeline, TaskModels models, MemberService members) {
    this.tasks = tasks;
    this.timeline = timeline;
    this.models = models;
    this.members = members;
  }

  record Filter(String assignee, @Nullable UserId user, boolean mayChoose, List<Member> members) {}

  /** Whose tasks: one's own; an admin may choose another member's ({@code assignee=<id>}) or everyone's ({@code all}). */
  private Filter filter(@Nullable String raw) {
    var scope = TenantContext.require();
    boolean admin = scope.role().canAdminister();
    if (!admin || raw == null || raw.isBlank() || raw.equals("me")) {
      return new Filter("me", scope.user(), admin, admin ? members.members() : List.of());
    }
    if (raw.equals("all")) {
      return new Filter("all", null, true, members.members());
    }
    UserId user = new UserId(Requests.id(raw, "Member"));
    return new Filter(user.value().toString(), user, true, members.members());
  }

  @GetMapping("/tasks")
  String page(@RequestParam(required = false) @Nullable String assignee, Model model) {
    Filter f = filter(assignee);
    model.addAttribute("filter", f);
    model.addAttribute("sections", SECTIONS.stream().map(s -> models.section(s, f.user(), null, f.assignee())).toList());
    return "timeline/tasks";
  }

  @GetMapping("/tasks/more")
  String more(@RequestParam String section, @RequestParam(required = false) @Nullable String assignee,
              @RequestParam String cursor, Model model) {
    if (!SECTIONS.contains(section)) {
      throw InvalidInputException.of("section", "must be one of " + String.join(", ", SECTIONS));
    }
    Filter f = filter(assignee);
    CreatedCursor after = CreatedCursor.decode(cursor).orElseThrow(() ->
        InvalidInputException.of("cursor", "is not a place in this list"));
    model.addAttribute("section", models.section(section, f.user(), after, f.assignee()));
    return "timeline/tasks :: more";
  }

  /** The shell's badge: one's overdue tasks (nothing when none). */
  @GetMapping("/tasks/overdue-count")
  String overdueCount(Model model) {
    model.addAttribute("overdue", tasks.overdueCount());
    return "timeline/tasks :: count";
  }

  // ---- A record's Tasks section --------------------------------------------------------------------

  @GetMapping("/tasks/{entityType}/{entityId}")
  String section(@PathVariable String entityType, @PathVariable String entityId, Model model) {
    RecordRef entity = timeline.entityInPath(entityType, entityId);
    model.addAttribute("tasks", models.ofRecord(entity, Map.of(), Map.of(), TenantContext.require().user()));
    return "timeline/tasks :: record-tasks";
  }

  @PostMapping("/tasks/{entityType}/{entityId}")
  String add(@PathVariable String entityType, @PathVariable String entityId,
             @RequestParam(required = false) @Nullable String subject,
             @RequestParam(required = false) @Nullable String description,
             @RequestParam(required = false) @Nullable String dueAt,
             @RequestParam(required = false) @Nullable String assigneeId,
             @RequestParam(required = false) @Nullable String priority,
             Model model, HtmxResponse htmx, HttpServletResponse response) {
    RecordRef entity = timeline.entityInPath(entityType, entityId);
    UserId me = TenantContext.require().user();
    try {
      timeline.log(entity, new ActivityDraft("task", subject, description, null, null, null, null, null, null, null,
          null, List.of()), new TaskDraft(dueAt, assigneeId, priority), false, List.of(), null);
      HxTrigger.afterSettle(htmx, CHANGED, "Task added.");
      model.addAttribute("tasks", models.ofRecord(entity, Map.of(), Map.of(), me));
    } catch (InvalidInputException e) {
      response.setStatus(422);
      var form = new LinkedHashMap<String, String>();
      put(form, "subject", subject);
      put(form, "description", description);
      put(form, "dueAt", dueAt);
      put(form, "assigneeId", assigneeId);
      put(form, "priority", priority);
      model.addAttribute("tasks", models.ofRecord(entity, form, FormErrors.of(e), me));
    }
    return "timeline/tasks :: record-tasks";
  }

  // ---- Done and undone, from anywhere ----------------------------------------------------------------

  /** @param place "list" (My tasks: the row names its record) or "record" (a record's section). */
  @PostMapping("/task/{id}/complete")
  String complete(@PathVariable String id, @RequestParam(defaultValue = "list") String place, Model model,
                  HtmxResponse htmx) {
    var task = tasks.complete(Requests.id(id, "Task"));
    HxTrigger.afterSettle(htmx, CHANGED, "Task done.");
    model.addAttribute("t", models.row(task, !place.equals("record")));
    model.addAttribute("place", place);
    return "timeline/tasks :: row";
  }

  @PostMapping("/task/{id}/reopen")
  String reopen(@PathVariable String id, @RequestParam(defaultValue = "list") String place, Model model,
                HtmxResponse htmx) {
    var task = tasks.reopen(Requests.id(id, "Task"));
    HxTrigger.afterSettle(htmx, CHANGED, "Task reopened.");
    model.addAttribute("t", models.row(task, !place.equals("record")));
    model.addAttribute("place", place);
    return "timeline/tasks :: row";
  }

  private static void put(Map<String, String> map, String key, @Nullable String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  static UUID id(String raw) {
    return Requests.id(raw, "Task");
  }
}
