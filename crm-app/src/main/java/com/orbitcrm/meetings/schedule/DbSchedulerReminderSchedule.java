package com.orbitcrm.meetings.schedule;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.port.ReminderSchedule;
import com.orbitcrm.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReminderSchedule} on db-scheduler's table: arming writes (or moves) the meeting's one execution,
 * disarming deletes it. Both use their own connections and take effect at once, whichever transaction the
 * caller is in; any instance's {@link ReminderRunner} then runs the execution when it is due.
 *
 * <p>An execution that is running cannot be changed (db-scheduler refuses). Arming then waits, up to
 * {@code orbit.reminders.arm-wait}, for that delivery to end, and writes the new time after it. If it does
 * not end in time (it may be waiting for the very meeting row the caller holds), arming leaves it: once
 * that delivery has read the meeting, its execution moves itself to the reminder's new time, if any
 * ({@link MeetingReminderTask}). Disarming a running execution is never needed: the delivery finds the
 * meeting cancelled, deleted or without a reminder and sends nothing.
 */
final class DbSchedulerReminderSchedule implements ReminderSchedule {

  private static final Logger log = LoggerFactory.getLogger(DbSchedulerReminderSchedule.class);
  private static final Duration LOOK_AGAIN = Duration.ofMillis(100);

  private final SchedulerClient client;
  private final MeetingReminderTask task;
  private final Duration armWait;

  DbSchedulerReminderSchedule(SchedulerClient client, MeetingReminderTask task, Duration armWait) {
    this.client = client;
    this.task = task;
    this.armWait = armWait;
  }

  @Override
  public void arm(TenantId tenant, MeetingId meeting, Instant at) {
    TaskInstance<ReminderRef> instance = task.instance(new ReminderRef(tenant, meeting));
    long deadline = System.nanoTime() + armWait.toNanos();
    while (true) {
      if (client.scheduleIfNotExists(instance, at)) {
        return;
      }
      try {
        if (client.reschedule(instance, at, instance.getData())) {
          return;
        }
        // Changed between our read and our write (picked, or moved by another arm): look again.
      } catch (TaskInstanceNotFoundException gone) {
        // Ran and ended, or disarmed, since scheduleIfNotExists looked: schedule it anew.
      } catch (TaskInstanceCurrentlyExecutingException running) {
        if (System.nanoTime() - deadline > 0) {
          log.info("Reminder {} is being delivered; not waiting longer to arm it at {}: the delivery moves "
              + "itself to the meeting's reminder time when it ends", instance.getId(), at);
          return;
        }
        pause();
      }
    }
  }

  @Override
  public void disarm(TenantId tenant, MeetingId meeting) {
    try {
      client.cancel(task.instance(new ReminderRef(tenant, meeting)));
    } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
      // Not armed, or being delivered: the delivery finds nothing to send.
    } catch (TaskInstanceException e) {
      // Picked between cancel's read and its delete: the same as being delivered.
      log.debug("Reminder of meeting {} started running while it was disarmed", meeting, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(LOOK_AGAIN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while arming a reminder", e);
    }
  }
}
