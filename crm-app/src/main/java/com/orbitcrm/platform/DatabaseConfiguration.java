package com.orbitcrm.platform;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
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
  @Primary
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(DatabaseServer server) {
    var ds = new HikariDataSource();
    ds.setJdbcUrl(server.jdbcUrl());
    ds.setUsername(server.app().user());
    ds.setPassword(server.app().password());
    ds.setPoolName("orbit");
    return ds;
  }

  /**
   * Browser sessions get a small pool of their own. A GET runs in one transaction that holds its connection
   * while the page renders, and Spring Session saves the session (in a transaction of its own) as soon as the
   * response starts going out — mid-render for a large page. From the same pool, enough such requests at
   * once would each hold a connection while waiting for a second one that none gives back; from this pool,
   * whose users never wait for the other, they cannot. Injected only where asked for by its qualifier.
   */
  @Bean(defaultCandidate = false)
  @SpringSessionDataSource
  HikariDataSource sessionDataSource(DatabaseServer server, @Value("${orbit.sessions.pool-size:4}") int size) {
    var ds = new HikariDataSource();
    ds.setJdbcUrl(server.jdbcUrl());
    ds.setUsername(server.app().user());
    ds.setPassword(server.app().password());
    ds.setPoolName("orbit-sessions");
    ds.setMaximumPoolSize(size);
    ds.setMinimumIdle(1);
    return ds;
  }

  /** Spring Session's transactions, on its own pool (always a new one: it saves after or beside the request's). */
  @Bean(defaultCandidate = false)
  @Qualifier("springSessionTransactionOperations")
  TransactionOperations springSessionTransactionOperations(@SpringSessionDataSource DataSource sessions) {
    var template = new TransactionTemplate(new JdbcTransactionManager(sessions));
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return template;
  }
}
