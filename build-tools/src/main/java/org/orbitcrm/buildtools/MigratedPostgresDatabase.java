package org.orbitcrm.buildtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.meta.postgres.PostgresDatabase;
import org.orbitcrm.db.OrbitDatabase;
import org.orbitcrm.db.OrbitDatabase.Credentials;

/**
 * The jOOQ code generator's view of the schema: a throw-away embedded PostgreSQL, migrated by the
 * project's own Flyway migrations, read by jOOQ's ordinary {@link PostgresDatabase}.
 *
 * <p>jOOQ's DDLDatabase cannot interpret row-level security, functions or expression indexes, so the
 * migrations run on a real server; an embedded one needs no Docker and no local installation.
 */
public class MigratedPostgresDatabase extends PostgresDatabase {

  private EmbeddedPostgres server;
  private Connection connection;

  @Override
  protected DSLContext create0() {
    if (getConnection() == null) {
      setConnection(startAndMigrate());
    }
    return super.create0();
  }

  private Connection startAndMigrate() {
    try {
      server = EmbeddedPostgres.builder().start();
      var owner = new Credentials(OrbitDatabase.DEFAULT_OWNER_ROLE, "codegen");
      var app = new Credentials(OrbitDatabase.DEFAULT_APP_ROLE, "codegen");
      try (var admin = server.getPostgresDatabase().getConnection()) {
        OrbitDatabase.provision(admin, "orbit", owner, app);
      }
      var ownerDataSource = server.getDatabase(owner.user(), "orbit");
      OrbitDatabase.migrate(ownerDataSource, app.user());
      connection = ownerDataSource.getConnection();
      return connection;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL for jOOQ code generation", e);
    } catch (SQLException e) {
      throw new IllegalStateException("could not migrate the schema for jOOQ code generation", e);
    }
  }

  @Override
  public void close() {
    super.close();
    try {
      if (connection != null) {
        connection.close();
      }
      if (server != null) {
        server.close();
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("could not stop the code generator's PostgreSQL", e);
    }
  }
}
