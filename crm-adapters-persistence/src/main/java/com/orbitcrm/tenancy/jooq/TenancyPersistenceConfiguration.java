package com.orbitcrm.tenancy.jooq;

import javax.sql.DataSource;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Makes every transaction of the application tenant-scoped, and every query check that it is. */
@Configuration(proxyBeanMethods = false)
class TenancyPersistenceConfiguration {

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new TenantScopedTransactionManager(dataSource);
  }

  @Bean
  ExecuteListenerProvider tenantGuard() {
    return new DefaultExecuteListenerProvider(new TenantGuard());
  }
}
