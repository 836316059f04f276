package com.orbitcrm.tenancy.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.orbitcrm.platform.IdempotencyKey;
import com.orbitcrm.platform.IdempotencyRecords;
import com.orbitcrm.platform.SchedulerRunner;
import com.orbitcrm.tenancy.app.PasswordService;
import com.orbitcrm.tenancy.app.SignInGuard;
import com.orbitcrm.tenancy.app.WorkspaceHousekeeping;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link WorkspaceHousekeeping} (and the sign-in tables' clean-up) as recurring db-scheduler jobs in {@link #TABLE}: each job is one row, picked
 * by one instance at a time (optimistic locking), so several instances neither purge the same trash twice nor
 * deliver the same stuck event twice at once. The next run is written to the table, so a restart does not
 * reset the pause, and a job whose instance died mid-run is taken over after four missed heartbeats.
 * Started once the application is up, stopped first on shutdown (a running job finishes, up to
 * {@link #SHUTDOWN_WAIT}).
 */
final class HousekeepingJobs extends SchedulerRunner {

  /** Not the reminders' table: a db-scheduler instance deletes, in time, executions of tasks it does not know. */
  static final String TABLE = "scheduled_jobs";
  static final String PURGE_TRASH = "purge-expired-trash";
  static final String REDELIVER_EVENTS = "redeliver-stuck-events";
  static final String DELETE_OLD_EVENTS = "delete-completed-events";
  static final String FORGET_SIGN_INS = "forget-stale-sign-ins";
  static final String DELETE_RESET_LINKS = "delete-expired-reset-links";
  static final String PURGE_IDEMPOTENCY_KEYS = "purge-idempotency-keys";
  static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

  private final DataSource dataSource;
  private final List<RecurringTask<Void>> jobs;
  private final Duration pollInterval;
  private final SchedulerName name;
  private final StatsRegistry stats;

  /** @param metrics where the jobs' runs are counted and timed; {@literal null} for nowhere. */
  HousekeepingJobs(DataSource dataSource, WorkspaceHousekeeping housekeeping, SignInGuard signIns,
                   PasswordService passwords, IdempotencyRecords idempotency, HousekeepingProperties properties,
                   SchedulerName name, @Nullable MeterRegistry metrics) {
    this.dataSource = dataSource;
    this.jobs = jobs(housekeeping, signIns, passwords, idempotency, properties);
    this.pollInterval = properties.pollInterval();
    this.name = name;
    this.stats = metrics == null ? StatsRegistry.NOOP : new MicrometerStatsRegistry(metrics, jobs);
  }

  static List<RecurringTask<Void>> jobs(WorkspaceHousekeeping housekeeping, SignInGuard signIns,
                                        PasswordService passwords, IdempotencyRecords idempotency,
                                        HousekeepingProperties properties) {
    return List.of(
        Tasks.recurring(PURGE_TRASH, Schedules.fixedDelay(properties.trashInterval()))
            .execute((instance, context) -> housekeeping.purgeExpiredTrash()),
        Tasks.recurring(REDELIVER_EVENTS, Schedules.fixedDelay(properties.redeliverAfter()))
            .execute((instance, context) -> housekeeping.redeliverStuckEvents(properties.redeliverAfter())),
        Tasks.recurring(DELETE_OLD_EVENTS, Schedules.fixedDelay(properties.cleanupInterval()))
            .execute((instance, context) -> housekeeping.deleteCompletedEvents()),
        Tasks.recurring(FORGET_SIGN_INS, Schedules.fixedDelay(properties.signInInterval()))
            .execute((instance, context) -> signIns.forgetStale()),
        Tasks.recurring(DELETE_RESET_LINKS, Schedules.fixedDelay(properties.signInInterval()))
            .execute((instance, context) -> passwords.deleteExpiredLinks()),
        // Idempotency keys answer retries for 24 hours (IdempotencyKey.RETENTION); older ones go, every workspace's.
        Tasks.recurring(PURGE_IDEMPOTENCY_KEYS, Schedules.fixedDelay(properties.signInInterval()))
            .execute((instance, context) -> idempotency.deleteBefore(IdempotencyKey.cutoff(java.time.Instant.now()))));
  }

  @Override
  protected Scheduler newScheduler() {
    return Scheduler.create(dataSource)
        .startTasks(jobs)
        .schedulerName(name)
        .tableName(TABLE)
        .pollingInterval(pollInterval)
        .threads(1)
        .commitWhenAutocommitDisabled(true)
        .shutdownMaxWait(SHUTDOWN_WAIT)
        .statsRegistry(stats)
        .build();
  }
}
