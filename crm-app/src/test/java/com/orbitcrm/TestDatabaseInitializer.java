package com.orbitcrm;

import java.util.Map;
import org.orbitcrm.buildtools.TestPostgres;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application at this test run's own database (see {@link TestPostgres}). */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var db = TestPostgres.database();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("orbit-test-database", Map.of(
        "orbit.db.url", db.jdbcUrl(),
        "orbit.db.owner-username", db.owner().user(),
        "orbit.db.owner-password", db.owner().password(),
        "orbit.db.app-username", db.app().user(),
        "orbit.db.app-password", db.app().password(),
        // A test JVM keeps several contexts alive (each with its pool) on one server of max_connections = 100:
        // an idle context gives its connections back instead of holding twenty each.
        "spring.datasource.hikari.minimum-idle", "2",
        "spring.datasource.hikari.idle-timeout", "20000")));
  }
}
