package com.orbitcrm.meetings.schedule;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import com.orbitcrm.meetings.app.MeetingReminders;
import com.orbitcrm.meetings.port.Meetings;
import com.orbitcrm.meetings.port.ReminderSchedule;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The meetings' reminder schedule, on db-scheduler's core (built here rather than through its Spring Boot
 * starter, which predates Boot 4) and on the application's own pool: the {@code meeting-reminder} task, the
 * {@link ReminderSchedule} the use cases arm and disarm, and, unless {@code orbit.reminders.enabled=false},
 * the runner that delivers due reminders on this instance.
 *
 * <p>db-scheduler's connections are ordinary pool connections, outside any transaction of the application:
 * its table has no row-level security (it holds ids and times, no tenant data), so no workspace is set; the
 * delivery opens its own transaction in the meeting's workspace.
 */
@Configuration(proxyBeanMethods = false)
class ReminderScheduleConfiguration {

  /**
   * The use case is looked up when a reminder runs: MeetingReminders needs the {@link ReminderSchedule} made
   * here, which needs this task.
   */
  @Bean
  MeetingReminderTask meetingReminderTask(ObjectProvider<MeetingReminders> reminders, Meetings meetings,
                                          PlatformTransactionManager transactions, Clock clock) {
    return new MeetingReminderTask(new MeetingReminderDelivery(reminders, meetings, transactions, clock));
  }

  @Bean
  ReminderSchedule reminderSchedule(DataSource dataSource, MeetingReminderTask task, ReminderProperties properties) {
    SchedulerClient client = SchedulerClient.Builder.create(dataSource, task)
        .tableName(properties.table())
        .serializer(new ReminderRefSerializer())
        .build();
    return new DbSchedulerReminderSchedule(client, task, properties.armWait());
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "orbit.reminders.enabled", matchIfMissing = true)
  ReminderRunner reminderRunner(DataSource dataSource, MeetingReminderTask task, ReminderProperties properties,
                                ObjectProvider<MeterRegistry> metrics) {
    StatsRegistry stats = metrics.getIfAvailable() == null ? StatsRegistry.NOOP
        : new MicrometerStatsRegistry(metrics.getObject(), List.of(task));
    return new ReminderRunner(dataSource, task, properties, new SchedulerName.Hostname(), stats);
  }
}
