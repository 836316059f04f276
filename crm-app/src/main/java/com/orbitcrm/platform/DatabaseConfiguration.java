package com.orbitcrm.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One pool, connected as the application role. Migrations run before the pool exists, as the owner
 * (see {@link DatabaseServer}); the tenancy module scopes every transaction on it to a tenant.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean
  DatabaseServer databaseServer(OrbitDatabaseProperties properties) {
    return DatabaseServer.start(properties);
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(DatabaseServer server) {
    var ds = new HikariDataSource();
    ds.setJdbcUrl(server.jdbcUrl());
    ds.setUsername(server.app().user());
    ds.setPassword(server.app().password());
    ds.setPoolName("orbit");
    return ds;
  }
}
