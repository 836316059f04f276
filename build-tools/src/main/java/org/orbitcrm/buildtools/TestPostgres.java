package org.orbitcrm.buildtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.orbitcrm.db.OrbitDatabase;
import org.orbitcrm.db.OrbitDatabase.Credentials;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds a real PostgreSQL for the tests and gives every test JVM its own fresh, migrated database.
 *
 * <p>Where the server comes from, first match wins:
 * <ol>
 *   <li>{@code ORBIT_TEST_DB_URL} (with {@code ORBIT_TEST_DB_USER} and {@code ORBIT_TEST_DB_PASSWORD}):
 *       a server on which that account may create roles and databases;</li>
 *   <li>a local server on 127.0.0.1:5432 that lets {@code postgres} (or the OS user) in;</li>
 *   <li>Testcontainers, when a Docker engine answers;</li>
 *   <li>an embedded PostgreSQL (zonky), started for this JVM.</li>
 * </ol>
 * The database is dropped when the JVM ends. Tables belong to {@value OrbitDatabase#DEFAULT_OWNER_ROLE},
 * and tests query as {@value OrbitDatabase#DEFAULT_APP_ROLE}, exactly as the application does.
 */
public final class TestPostgres {

  /** A migrated database: where it is, and the two roles that use it. */
  public record Database(String jdbcUrl, Credentials owner, Credentials app, String source) {

    public PGSimpleDataSource ownerDataSource() {
      return dataSource(owner);
    }

    public PGSimpleDataSource appDataSource() {
      return dataSource(app);
    }

    public PGSimpleDataSource dataSource(Credentials credentials) {
      var ds = new PGSimpleDataSource();
      ds.setUrl(jdbcUrl);
      ds.setUser(credentials.user());
      ds.setPassword(credentials.password());
      return ds;
    }
  }

  private record Server(String adminUrl, Credentials admin, String source) {}

  private static final Credentials OWNER = new Credentials(OrbitDatabase.DEFAULT_OWNER_ROLE, "orbit_owner");
  private static final Credentials APP = new Credentials(OrbitDatabase.DEFAULT_APP_ROLE, "orbit_app");

  private static Database database;

  private TestPostgres() {}

  /** The database of this test JVM, created and migrated on first use. */
  public static synchronized Database database() {
    if (database == null) {
      database = create(findServer());
    }
    return database;
  }

  private static Database create(Server server) {
    String name = "orbit_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
        + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    try (Connection admin = OrbitDatabase.connect(server.adminUrl(), server.admin())) {
      OrbitDatabase.provision(admin, name, OWNER, APP);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the test database on " + server.source()
          + " (the account must be allowed to create roles and databases): " + e.getMessage(), e);
    }
    var db = new Database(OrbitDatabase.withDatabase(server.adminUrl(), name), OWNER, APP, server.source());
    OrbitDatabase.migrate(db.ownerDataSource(), APP.user());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, name)));
    System.out.println("[orbit-test] database " + name + " on " + server.source());
    return db;
  }

  private static void drop(Server server, String name) {
    // Shutdown hooks run at the same time: let Spring close its contexts first (beans such as the event
    // publication registry still query on close), or they wait for connections to a dropped database.
    awaitSpringShutdown();
    try (Connection admin = OrbitDatabase.connect(server.adminUrl(), server.admin());
        var st = admin.createStatement()) {
      st.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      System.err.println("[orbit-test] could not drop " + name + ": " + e.getMessage());
    }
  }

  private static void awaitSpringShutdown() {
    long until = System.nanoTime() + 2_000_000_000L;
    while (System.nanoTime() < until) {
      var spring = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals("SpringApplicationShutdownHook") && t.isAlive()).findFirst();
      if (spring.isPresent()) {
        try {
          spring.get().join(20_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Server findServer() {
    List<String> tried = new ArrayList<>();

    String url = System.getenv("ORBIT_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      var admin = new Credentials(envOr("ORBIT_TEST_DB_USER", "postgres"), System.getenv("ORBIT_TEST_DB_PASSWORD"));
      try (var c = OrbitDatabase.connect(url, admin)) {
        return new Server(url, admin, "ORBIT_TEST_DB_URL (" + url + ")");
      } catch (SQLException e) {
        // An explicit choice that does not work is an error, not a reason to test somewhere else.
        throw new IllegalStateException("ORBIT_TEST_DB_URL=" + url + " does not answer: " + e.getMessage(), e);
      }
    }
    tried.add("ORBIT_TEST_DB_URL is not set");

    String local = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3";
    for (String user : List.of("postgres", System.getProperty("user.name"))) {
      var admin = new Credentials(user, envOr("PGPASSWORD", null));
      try (var c = OrbitDatabase.connect(local, admin)) {
        return new Server(local, admin, "local PostgreSQL on 127.0.0.1:5432 as " + user);
      } catch (SQLException | IllegalArgumentException e) {
        tried.add("127.0.0.1:5432 as " + user + ": " + e.getMessage());
      }
    }

    try {
      if (DockerClientFactory.instance().isDockerAvailable()) {
        var container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        var admin = new Credentials(container.getUsername(), container.getPassword());
        return new Server(container.getJdbcUrl(), admin, "Testcontainers " + container.getDockerImageName());
      }
      tried.add("Testcontainers: no Docker engine");
    } catch (RuntimeException | LinkageError e) {
      tried.add("Testcontainers: " + e.getMessage());
    }

    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (Exception ignored) {
          // the JVM is ending anyway
        }
      }));
      String embeddedUrl = embedded.getJdbcUrl("postgres", "postgres");
      return new Server(embeddedUrl, new Credentials("postgres", null), "embedded PostgreSQL (zonky)");
    } catch (Exception e) {
      tried.add("embedded PostgreSQL: " + e.getMessage());
    }

    throw new IllegalStateException("""
        The tests need a real PostgreSQL (15 or later), and none was found. Tried:
          - %s
        Do one of:
          - set ORBIT_TEST_DB_URL=jdbc:postgresql://HOST:PORT/postgres (plus ORBIT_TEST_DB_USER and
            ORBIT_TEST_DB_PASSWORD) for an account that may create roles and databases;
          - run PostgreSQL on 127.0.0.1:5432 with trust (or PGPASSWORD) for the user postgres,
            e.g. `apt-get install postgresql` on Debian;
          - start a Docker engine, for Testcontainers.
        """.formatted(String.join("\n  - ", tried)));
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
