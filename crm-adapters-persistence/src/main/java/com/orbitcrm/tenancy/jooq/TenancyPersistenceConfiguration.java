package com.orbitcrm.tenancy.jooq;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Makes every transaction of the application tenant-scoped. */
@Configuration(proxyBeanMethods = false)
class TenancyPersistenceConfiguration {

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new TenantScopedTransactionManager(dataSource);
  }
}
