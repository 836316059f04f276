package com.orbitcrm.tenancy;

import static com.orbitcrm.FormClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.Api;
import com.orbitcrm.FormClient;
import com.orbitcrm.OrbitCrmApplication;
import com.orbitcrm.TestDatabaseInitializer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the application (two Spring contexts on random ports, one database, as behind a load
 * balancer): a session made by signing in on A is good on B — pages, and a CSRF-protected change with the token B's
 * page gives — because sessions live in PostgreSQL; signing out on B ends it on A. Neither instance runs the
 * reminder schedule or makes demo data (one database, started twice).
 */
class TwoInstancesIntegrationTest {

  static ConfigurableApplicationContext a;
  static ConfigurableApplicationContext b;

  @BeforeAll
  static void startTwoInstances() {
    a = instance("a");
    b = instance("b");
  }

  @AfterAll
  static void stopThem() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  static ConfigurableApplicationContext instance(String name) {
    // As arguments, not builder properties: those are defaults, below application.properties.
    return new SpringApplicationBuilder(OrbitCrmApplication.class)
        .initializers(new TestDatabaseInitializer())
        .run("--server.port=0", "--orbit.demo.enabled=false", "--orbit.reminders.enabled=false",
            "--spring.datasource.hikari.maximum-pool-size=8",
            "--spring.application.name=orbit-crm-" + name);
  }

  static int port(ConfigurableApplicationContext instance) {
    return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port", "0"));
  }

  @Test
  void aSessionMadeOnOneInstanceWorksOnTheOtherAndSigningOutThereEndsIt() {
    int portA = port(a);
    int portB = port(b);
    assertThat(portA).isPositive().isNotEqualTo(portB);
    var account = new Api(portA).signUp("Two Instances " + UUID.randomUUID().toString().substring(0, 6));

    // Signed in on A: the form, its CSRF token and the SESSION cookie.
    var onA = new FormClient(portA);
    assertThat(onA.signIn(account.email(), account.password()).location()).endsWith("/dashboard");
    String session = onA.session();
    assertThat(session).isNotEmpty();
    assertThat(new JdbcTemplate(TestPostgres.database().ownerDataSource()).queryForObject(
        "select count(*) from spring_session where principal_name = ?", Integer.class, account.email()))
        .as("the session is a row, written by the application role").isOne();

    // The same browser, its next request served by B.
    var onB = new FormClient(portB).withSession(session);
    var clients = onB.get("/clients");
    assertThat(clients.status()).as(clients.toString()).isEqualTo(200);
    assertThat(clients.body()).contains("Olive Owner");
    var created = onB.json("POST", "/api/clients", "{\"name\": \"Served By B\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    // A change without the CSRF token is refused on B as it would be on A.
    var forged = new FormClient(portB).withSession(session).json("POST", "/api/clients", "{\"name\": \"Forged\"}");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(onA.get("/clients").body()).contains("Served By B");

    // Signing out on B ends the session everywhere.
    assertThat(onB.post("/logout", form()).location()).endsWith("/login?signedOut");
    assertThat(onA.get("/clients").location()).endsWith("/login");
  }
}
