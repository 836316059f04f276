package com.orbitcrm.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.orbitcrm.db.OrbitDatabase;
import org.orbitcrm.db.OrbitDatabase.Credentials;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The PostgreSQL server the application uses, made ready: started (when embedded), provisioned,
 * migrated, and checked so that the application's role really is subject to row-level security.
 */
public final class DatabaseServer implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);
  private static final String EMBEDDED_DATABASE = "orbit";

  private final String jdbcUrl;
  private final Credentials app;
  private final @Nullable EmbeddedPostgres embedded;

  private DatabaseServer(String jdbcUrl, Credentials app, @Nullable EmbeddedPostgres embedded) {
    this.jdbcUrl = jdbcUrl;
    this.app = app;
    this.embedded = embedded;
  }

  public static DatabaseServer start(OrbitDatabaseProperties props) {
    var owner = new Credentials(props.ownerUsername(), props.ownerPassword());
    var app = new Credentials(props.appUsername(), props.appPassword());
    return props.embedded() ? startEmbedded(props, owner, app) : useExternal(props.url(), owner, app);
  }

  private static DatabaseServer startEmbedded(OrbitDatabaseProperties props, Credentials owner, Credentials app) {
    var dir = props.embeddedDataDirectory().toAbsolutePath();
    try {
      Files.createDirectories(dir.getParent());
      var server = EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .setPort(props.embeddedPort())
          // Stopped by destroy(), after the pool and everything that needs a connection to stop — not by a
          // shutdown hook of its own, which would race the application's and leave the pool to time out.
          .setRegisterShutdownHook(false)
          .start();
      try (Connection admin = server.getPostgresDatabase().getConnection()) {
        OrbitDatabase.provision(admin, EMBEDDED_DATABASE, owner, app);
      }
      String url = server.getJdbcUrl(owner.user(), EMBEDDED_DATABASE).replaceAll("[?&]user=[^&]*", "");
      log.info("Embedded PostgreSQL on port {}, data in {} (psql -h localhost -p {} -U postgres {})",
          server.getPort(), dir, server.getPort(), EMBEDDED_DATABASE);
      return migrated(new DatabaseServer(url, app, server), owner);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dir, e);
    } catch (SQLException e) {
      throw new IllegalStateException("could not provision the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static DatabaseServer useExternal(String url, Credentials owner, Credentials app) {
    try (Connection ownerConnection = OrbitDatabase.connect(url, owner)) {
      if (!roleExists(ownerConnection, app.user())) {
        // Works when the owner may create roles; otherwise an administrator creates it (README).
        OrbitDatabase.ensureLoginRole(ownerConnection, app, true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not prepare " + url + " as " + owner.user() + ": " + e.getMessage(), e);
    }
    log.info("Using PostgreSQL at {}", url);
    return migrated(new DatabaseServer(url, app, null), owner);
  }

  private static DatabaseServer migrated(DatabaseServer server, Credentials owner) {
    var ownerDataSource = server.dataSource(owner);
    var result = OrbitDatabase.migrate(ownerDataSource, server.app.user());
    log.info("Schema at version {} ({} migrations applied now)",
        result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
        result.migrationsExecuted);
    server.requireRowLevelSecurityApplies();
    return server;
  }

  /** Refuses to run when the application role would bypass row-level security. */
  private void requireRowLevelSecurityApplies() {
    try (Connection c = dataSource(app).getConnection();
        var rs = c.createStatement().executeQuery("""
            select r.rolsuper or r.rolbypassrls,
                   exists (select 1 from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user)
            from pg_roles r where r.rolname = current_user""")) {
      rs.next();
      if (rs.getBoolean(1) || rs.getBoolean(2)) {
        throw new IllegalStateException("the application role " + app.user()
            + " is a superuser, BYPASSRLS or a table owner: row-level security would not apply. "
            + "Use a plain login role (see README, 'Database').");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not connect as the application role " + app.user() + ": " + e.getMessage(), e);
    }
  }

  private static boolean roleExists(Connection c, String role) throws SQLException {
    try (var st = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
      st.setString(1, role);
      try (var rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }

  private PGSimpleDataSource dataSource(Credentials credentials) {
    var ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl);
    ds.setUser(credentials.user());
    ds.setPassword(credentials.password());
    return ds;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public Credentials app() {
    return app;
  }

  @Override
  public void destroy() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
