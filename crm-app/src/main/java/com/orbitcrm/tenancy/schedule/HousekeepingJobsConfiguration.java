package com.orbitcrm.tenancy.schedule;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.orbitcrm.platform.IdempotencyRecords;
import com.orbitcrm.tenancy.app.PasswordService;
import com.orbitcrm.tenancy.app.SignInGuard;
import com.orbitcrm.tenancy.app.WorkspaceHousekeeping;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The housekeeping jobs of this instance, unless {@code orbit.housekeeping.enabled=false}. */
@Configuration(proxyBeanMethods = false)
class HousekeepingJobsConfiguration {

  @Bean
  @ConditionalOnBooleanProperty(name = "orbit.housekeeping.enabled", matchIfMissing = true)
  HousekeepingJobs housekeepingJobs(DataSource dataSource, WorkspaceHousekeeping housekeeping, SignInGuard signIns,
                                    PasswordService passwords, IdempotencyRecords idempotency,
                                    HousekeepingProperties properties, ObjectProvider<MeterRegistry> metrics) {
    return new HousekeepingJobs(dataSource, housekeeping, signIns, passwords, idempotency, properties,
        new SchedulerName.Hostname(), metrics.getIfAvailable());
  }
}
