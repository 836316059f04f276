package com.orbitcrm.meetings.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.orbitcrm.platform.SchedulerRunner;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs due reminders on this instance: a db-scheduler {@link Scheduler} that polls the table every
 * {@code orbit.reminders.poll-interval} and delivers what is due, started once the application is up and
 * stopped first on shutdown (it waits for the reminders it is delivering, up to {@link #SHUTDOWN_WAIT}).
 * Several instances may run one each: an execution is picked by exactly one of them (optimistic locking on
 * the row), and one that fell due while none ran is picked at the next start.
 */
final class ReminderRunner extends SchedulerRunner {

  static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

  private final DataSource dataSource;
  private final MeetingReminderTask task;
  private final ReminderProperties properties;
  private final SchedulerName name;
  private final StatsRegistry stats;

  ReminderRunner(DataSource dataSource, MeetingReminderTask task, ReminderProperties properties, SchedulerName name) {
    this(dataSource, task, properties, name, StatsRegistry.NOOP);
  }

  /** @param stats where the runs are counted and timed (the application's metrics). */
  ReminderRunner(DataSource dataSource, MeetingReminderTask task, ReminderProperties properties, SchedulerName name,
                 StatsRegistry stats) {
    this.dataSource = dataSource;
    this.task = task;
    this.properties = properties;
    this.name = name;
    this.stats = stats;
  }

  /**
   * A scheduler of {@code task} on {@code dataSource}, not started. Its connections come from the pool in
   * auto-commit mode; should the pool hand them out without it, db-scheduler commits its own work.
   */
  static Scheduler scheduler(DataSource dataSource, MeetingReminderTask task, ReminderProperties properties,
                             SchedulerName name) {
    return builder(dataSource, task, properties, name).build();
  }

  private static SchedulerBuilder builder(DataSource dataSource, MeetingReminderTask task,
                                          ReminderProperties properties, SchedulerName name) {
    return Scheduler.create(dataSource, List.of(task))
        .schedulerName(name)
        .tableName(properties.table())
        .serializer(new ReminderRefSerializer())
        .pollingInterval(properties.pollInterval())
        .heartbeatInterval(properties.heartbeat())
        .missedHeartbeatsLimit(ReminderProperties.MISSED_HEARTBEATS)
        .threads(properties.threads())
        .commitWhenAutocommitDisabled(true)
        .shutdownMaxWait(SHUTDOWN_WAIT);
  }

  @Override
  protected Scheduler newScheduler() {
    return builder(dataSource, task, properties, name).statsRegistry(stats).build();
  }
}
