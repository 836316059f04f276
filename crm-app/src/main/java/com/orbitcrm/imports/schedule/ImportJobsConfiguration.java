package com.orbitcrm.imports.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.orbitcrm.imports.app.ImportService;
import com.orbitcrm.imports.port.ImportQueue;
import com.orbitcrm.platform.SchedulerRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The import queue ({@link ImportQueue} on db-scheduler's {@code scheduled_imports}) and, unless
 * {@code orbit.imports.enabled=false}, the runner that runs queued imports on this instance
 * ({@code orbit.imports.poll-interval}, default 500 ms: the most an import waits to start).
 */
@Configuration(proxyBeanMethods = false)
class ImportJobsConfiguration {

  static final String TABLE = "scheduled_imports";

  @Bean
  ImportTask importTask(ObjectProvider<ImportService> imports) {
    return new ImportTask(imports);
  }

  @Bean
  ImportQueue importQueue(DataSource dataSource, ImportTask task) {
    SchedulerClient client = SchedulerClient.Builder.create(dataSource, task).tableName(TABLE).build();
    return (tenant, importId) -> client.scheduleIfNotExists(task.instance(tenant, importId), Instant.now());
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "orbit.imports.enabled", matchIfMissing = true)
  SchedulerRunner importRunner(DataSource dataSource, ImportTask task,
                               @Value("${orbit.imports.poll-interval:500ms}") Duration pollInterval,
                               @Value("${orbit.imports.threads:2}") int threads) {
    return new SchedulerRunner() {
      @Override
      protected Scheduler newScheduler() {
        return Scheduler.create(dataSource, List.of(task))
            .schedulerName(new SchedulerName.Hostname())
            .tableName(TABLE)
            .pollingInterval(pollInterval)
            .heartbeatInterval(Duration.ofSeconds(10))
            .threads(threads)
            .commitWhenAutocommitDisabled(true)
            .shutdownMaxWait(Duration.ofSeconds(30))
            .build();
      }
    };
  }
}
