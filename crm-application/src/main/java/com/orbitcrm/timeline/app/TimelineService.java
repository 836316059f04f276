package com.orbitcrm.timeline.app;

import com.orbitcrm.platform.Fields;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.Records;

import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.timeline.port.Activities;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.timeline.ActivityDetails;
import com.orbitcrm.timeline.ActivityDraft;
import com.orbitcrm.timeline.ActivityPage;
import com.orbitcrm.timeline.ActivityType;
import com.orbitcrm.timeline.Task;
import com.orbitcrm.timeline.TaskDraft;
import com.orbitcrm.platform.FieldViolation;
import java.util.ArrayList;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timelines of the workspace's records (clients, deals, …): read them (newest first, by type), and log what
 * people did. Stage changes are not logged here: {@link StageChangeRecorder} writes them.
 */
@Service
public class TimelineService {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_TRACKED_LINKS = 20;

  private final Activities activities;
  private final Records records;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final TaskRules tasks;

  TimelineService(Activities activities, Records records, Clock clock,
                  org.springframework.context.ApplicationEventPublisher events, TaskRules tasks) {
    this.activities = activities;
    this.records = records;
    this.clock = clock;
    this.events = events;
    this.tasks = tasks;
  }

  /** Parses a record type and id as typed in a body; bad ones are field errors. */
  public RecordRef entity(@Nullable String type, @Nullable String id) {
    return records.parse(type, id);
  }

  /** Parses a record type and id named in a path; bad ones are 404s. */
  public RecordRef entityInPath(String type, String id) {
    return records.parsePath(type, id);
  }

  /** @throws NotFoundException when the entity is not a live record of this workspace. */
  @Transactional(readOnly = true)
  public ActivityPage page(RecordRef entity, @Nullable String type, @Nullable CreatedCursor after, int limit) {
    var tenant = TenantContext.requireTenant();
    records.require(entity);
    ActivityType filter = null;
    if (type != null && !type.isBlank()) {
      filter = ActivityType.of(type.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
          InvalidInputException.of("type", "must be one of email, call, meeting, note, task, sms, status_change, document, task_status"));
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return activities.page(tenant, entity, filter, after, limit);
  }

  @Transactional(readOnly = true)
  public Activity get(UUID id) {
    return activities.find(TenantContext.requireTenant(), id).orElseThrow(() -> new NotFoundException("Activity"));
  }

  /**
   * Logs what a person did.
   *
   * @param trackOpens for an e-mail: give it a tracking pixel.
   * @param trackedLinks for an e-mail: links to hand out as tracked links (http(s) only).
   */
  @Transactional
  public Activity log(RecordRef entity, ActivityDraft draft, boolean trackOpens, List<String> trackedLinks) {
    return log(entity, draft, trackOpens, trackedLinks, null);
  }

  /**
   * As {@link #log(RecordRef, ActivityDraft, boolean, List)}, at a given time, for history brought in from
   * elsewhere (imports, the demo).
   *
   * @param at when it happened; {@literal null} for now.
   */
  @Transactional
  public Activity log(RecordRef entity, ActivityDraft draft, boolean trackOpens, List<String> trackedLinks,
                      @Nullable Instant at) {
    return log(entity, draft, TaskDraft.NONE, trackOpens, trackedLinks, at);
  }

  /**
   * As {@link #log(RecordRef, ActivityDraft, boolean, List, Instant)}, with a task's own fields (due time,
   * assignee, priority) for a {@code task}; they are refused on any other type. A task without an assignee is the
   * logger's.
   */
  @Transactional
  public Activity log(RecordRef entity, ActivityDraft draft, TaskDraft taskDraft, boolean trackOpens,
                      List<String> trackedLinks, @Nullable Instant at) {
    var scope = TenantContext.requireWriter();
    var violations = new ArrayList<FieldViolation>();
    ActivityDetails details = null;
    try {
      details = ActivityDetails.from(draft);
    } catch (InvalidInputException e) {
      violations.addAll(e.violations());
    }
    Task task = null;
    ActivityType type = details != null ? details.type()
        : ActivityType.of(draft.activityType() == null ? "" : draft.activityType().strip().toLowerCase(Locale.ROOT))
            .orElse(null);
    if (type == ActivityType.TASK) {
      try {
        task = tasks.check(taskDraft, scope.user());
      } catch (InvalidInputException e) {
        violations.addAll(e.violations());
      }
    } else if (type != null) {
      Task.onlyForTasks(violations, type, taskDraft.dueAt(), taskDraft.assigneeId(), taskDraft.priority());
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    var metadata = new LinkedHashMap<String, String>();
    if (trackOpens || !trackedLinks.isEmpty()) {
      if (details.type() != ActivityType.EMAIL) {
        throw InvalidInputException.of("trackOpens", "tracking is only for e-mail activities");
      }
      if (trackedLinks.size() > MAX_TRACKED_LINKS) {
        throw InvalidInputException.of("trackedLinks", "must be at most " + MAX_TRACKED_LINKS + " links");
      }
      for (String link : trackedLinks) {
        if (link == null || link.length() > 2000 || !Fields.isWebUrl(link.strip())) {
          throw InvalidInputException.of("trackedLinks", "must be http(s) URLs");
        }
      }
      metadata.put("trackOpens", String.valueOf(trackOpens));
      if (!trackedLinks.isEmpty()) {
        metadata.put("trackedLinks", String.join("\n", trackedLinks.stream().map(String::strip).toList()));
      }
    }
    records.requireReferenced(entity);
    var activity = new Activity(UUID.randomUUID(), scope.tenant(), entity, details, metadata,
        Activity.EmailTracking.NONE, scope.user(), at == null ? clock.instant() : at, task);
    activities.insert(activity);
    events.publishEvent(new com.orbitcrm.timeline.ActivityLogged(scope.tenant(), activity.id(), entity, scope.user(),
        activity.createdAt()));
    return activity;
  }
}
