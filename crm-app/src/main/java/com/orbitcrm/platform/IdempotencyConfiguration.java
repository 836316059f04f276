package com.orbitcrm.platform;

import com.orbitcrm.platform.web.IdempotencyFilter;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Idempotent API writes ({@link IdempotencyFilter}): registered after the security filter chain, which decides
 * the workspace and the principal a key belongs to.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyRecords records,
                                                              PlatformTransactionManager transactions, Clock clock) {
    var registration = new FilterRegistrationBean<>(new IdempotencyFilter(records, transactions, clock));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }
}
