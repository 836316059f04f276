package com.orbitcrm.meetings.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the reminder schedule runs ({@code orbit.reminders.*}).
 *
 * @param enabled whether this instance runs due reminders. Arming and disarming work either way (they only
 *                write the table), so an instance, or a test, may leave the running to others.
 * @param pollInterval how often the table is asked for due reminders: the most a reminder can be late.
 * @param heartbeat how often a running reminder says its instance is alive; after {@link #MISSED_HEARTBEATS}
 *                  missed ones another instance takes it over (the delivery is idempotent).
 * @param threads how many reminders one instance delivers at a time.
 * @param armWait how long arming waits for a delivery of the same meeting that is running right then.
 * @param table the db-scheduler table (created by Flyway, V11).
 */
@ConfigurationProperties("orbit.reminders")
public record ReminderProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10s") Duration pollInterval,
    @DefaultValue("30s") Duration heartbeat,
    @DefaultValue("4") int threads,
    @DefaultValue("10s") Duration armWait,
    @DefaultValue("scheduled_tasks") String table) {

  /** Missed heartbeats before a running reminder counts as dead (db-scheduler's minimum). */
  public static final int MISSED_HEARTBEATS = 4;

  public ReminderProperties {
    if (threads < 1) {
      throw new IllegalArgumentException("orbit.reminders.threads must be at least 1, was " + threads);
    }
    if (!table.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("orbit.reminders.table must be a plain table name, was " + table);
    }
  }
}
