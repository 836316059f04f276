package com.orbitcrm;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Orbit CRM: a multi-tenant CRM built as a hexagonal modular monolith. The Maven modules are the
 * rings (domain, application, adapters); the top-level packages are the business modules. Module events
 * are handled asynchronously after the publishing transaction commits, each in its event's workspace;
 * housekeeping (expired trash, event redelivery) runs as jobs that one instance at a time picks.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@Modulithic(systemName = "Orbit CRM", sharedModules = "platform")
public class OrbitCrmApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrbitCrmApplication.class, args);
  }

  /** The one clock of the use cases (a test may replace it). */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
