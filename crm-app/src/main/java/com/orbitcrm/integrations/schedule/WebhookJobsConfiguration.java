package com.orbitcrm.integrations.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.orbitcrm.integrations.Destinations;
import com.orbitcrm.integrations.RetrySchedule;
import com.orbitcrm.integrations.app.WebhookSender;
import com.orbitcrm.integrations.port.DeliveryQueue;
import com.orbitcrm.platform.SchedulerRunner;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The delivery queue ({@link DeliveryQueue} on db-scheduler's {@code scheduled_webhooks}, joining the caller's
 * transaction, so an attempt is queued exactly when its delivery row commits), the rules set by
 * {@link WebhookProperties}, and — unless {@code orbit.webhooks.enabled=false} — the runner that sends due attempts
 * on this instance.
 */
@Configuration(proxyBeanMethods = false)
class WebhookJobsConfiguration {

  static final String TABLE = "scheduled_webhooks";

  @Bean
  Destinations webhookDestinations(WebhookProperties properties) {
    return new Destinations(properties.allowPrivateNetworks());
  }

  @Bean
  RetrySchedule webhookRetrySchedule(WebhookProperties properties) {
    return properties.retryDelays().isEmpty() ? RetrySchedule.STANDARD : new RetrySchedule(properties.retryDelays());
  }

  @Bean
  WebhookTask webhookTask(ObjectProvider<WebhookSender> sender) {
    return new WebhookTask(sender);
  }

  @Bean
  DeliveryQueue deliveryQueue(DataSource dataSource, WebhookTask task) {
    SchedulerClient client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), task)
        .tableName(TABLE).build();
    return (tenant, deliveryId, at, manual) -> client.scheduleIfNotExists(task.instance(tenant, deliveryId, at, manual), at);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "orbit.webhooks.enabled", matchIfMissing = true)
  SchedulerRunner webhookRunner(DataSource dataSource, WebhookTask task, WebhookProperties properties) {
    return new SchedulerRunner() {
      @Override
      protected Scheduler newScheduler() {
        return Scheduler.create(dataSource, List.of(task))
            .schedulerName(new SchedulerName.Hostname())
            .tableName(TABLE)
            .pollingInterval(properties.pollInterval())
            .heartbeatInterval(Duration.ofSeconds(10))
            .threads(properties.threads())
            .commitWhenAutocommitDisabled(true)
            .shutdownMaxWait(Duration.ofSeconds(15))
            .build();
      }
    };
  }
}
