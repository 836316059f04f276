package com.orbitcrm.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * A db-scheduler {@link Scheduler} run as part of the application: started once the application is up, stopped
 * first on shutdown (it lets running executions end, as its builder's shutdown wait says), and made anew on each
 * start, because a stopped db-scheduler cannot start again.
 */
public abstract class SchedulerRunner implements SmartLifecycle {

  private @Nullable Scheduler scheduler;

  /** A new scheduler, not started. */
  protected abstract Scheduler newScheduler();

  @Override
  public final synchronized void start() {
    if (scheduler == null) {
      scheduler = newScheduler();
      scheduler.start();
    }
  }

  @Override
  public final synchronized void stop() {
    if (scheduler != null) {
      scheduler.stop();
      scheduler = null;
    }
  }

  @Override
  public final synchronized boolean isRunning() {
    return scheduler != null;
  }

  /** The last to start and the first to stop: it needs the whole application, the database above all. */
  @Override
  public final int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
