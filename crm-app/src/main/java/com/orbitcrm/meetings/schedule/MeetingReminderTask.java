package com.orbitcrm.meetings.schedule;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler.OnCompleteRemove;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler.ReviveDeadExecution;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.MaxRetriesFailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code meeting-reminder} task: one execution per meeting (instance id {@code <tenantId>:<meetingId>}),
 * due when the reminder is. Running it delivers the reminder (which sends at most once, whoever runs it and
 * however often); it then ends, unless the meeting's reminder has meanwhile moved later, in which case the
 * execution moves there (see {@link ReminderDelivery#dueLater}).
 *
 * <p>A delivery that fails (the mail server refused) is tried again after 30 s, 45 s, 68 s, … at most
 * {@link #RETRIES} times; one whose instance died while running it is taken over by another instance
 * (db-scheduler's dead-execution revival).
 */
final class MeetingReminderTask extends OneTimeTask<ReminderRef> {

  static final String NAME = "meeting-reminder";
  static final int RETRIES = 8;

  private static final Logger log = LoggerFactory.getLogger(MeetingReminderTask.class);

  private final ReminderDelivery delivery;

  MeetingReminderTask(ReminderDelivery delivery) {
    super(NAME, ReminderRef.class,
        new MaxRetriesFailureHandler<>(RETRIES, new ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30))),
        new ReviveDeadExecution<>());
    this.delivery = delivery;
  }

  /** The execution of {@code ref}'s reminder (not yet scheduled). */
  TaskInstance<ReminderRef> instance(ReminderRef ref) {
    return instance(ref.id(), ref);
  }

  @Override
  public CompletionHandler<ReminderRef> execute(TaskInstance<ReminderRef> instance, ExecutionContext context) {
    ReminderRef ref = ref(instance);
    if (delivery.deliver(ref.tenant(), ref.meeting())) {
      return new OnCompleteRemove<>();
    }
    Optional<Instant> later = delivery.dueLater(ref.tenant(), ref.meeting());
    if (later.isEmpty()) {
      return new OnCompleteRemove<>();
    }
    log.debug("Reminder {} moved to {} while it was due; the execution follows it", ref.id(), later.get());
    return (complete, operations) -> operations.reschedule(complete, later.get());
  }

  @Override
  public void executeOnce(TaskInstance<ReminderRef> instance, ExecutionContext context) {
    execute(instance, context);
  }

  /** The reminder an execution is for: its data, or (data lost) its instance id, which says the same. */
  private static ReminderRef ref(TaskInstance<ReminderRef> instance) {
    ReminderRef data = instance.getData();
    return data != null ? data : ReminderRef.parse(instance.getId());
  }
}
