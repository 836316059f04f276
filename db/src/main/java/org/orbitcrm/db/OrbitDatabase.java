package org.orbitcrm.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Provisions an Orbit CRM database and applies its migrations. Used in the same way by the jOOQ code
 * generator, by the tests and by the application, so that the schema is built one way everywhere.
 *
 * <p>Two roles matter: the <em>owner</em> runs the migrations and owns the tables, and the
 * <em>application role</em> runs every query of the app. The application role is neither superuser
 * nor owner, and has no BYPASSRLS, so row-level security applies to it.
 */
public final class OrbitDatabase {

  public static final String DEFAULT_OWNER_ROLE = "orbit_owner";
  public static final String DEFAULT_APP_ROLE = "orbit_app";
  public static final String MIGRATIONS = "classpath:db/migration";

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private OrbitDatabase() {}

  /**
   * Applies the migrations as the owner. {@code appRole} must exist: the migrations grant it access.
   */
  public static MigrateResult migrate(DataSource owner, String appRole) {
    return Flyway.configure()
        .dataSource(owner)
        .locations(MIGRATIONS)
        .placeholders(Map.of("appRole", identifier(appRole)))
        .load()
        .migrate();
  }

  /**
   * With a connection of a role that may create roles and databases (a superuser, typically the
   * one of an embedded or local server): makes sure the owner and application roles exist, with
   * the given passwords, and that the database exists and belongs to the owner.
   */
  public static void provision(Connection admin, String database, Credentials owner, Credentials app)
      throws SQLException {
    ensureLoginRole(admin, owner, false);
    ensureLoginRole(admin, app, true);
    try (var st = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
      st.setString(1, database);
      try (var rs = st.executeQuery()) {
        if (!rs.next()) {
          try (var create = admin.createStatement()) {
            create.execute("create database " + identifier(database) + " owner " + identifier(owner.user())
                + " encoding 'UTF8' template template0");
          }
        }
      }
    }
  }

  /**
   * Creates a login role unless it exists; an application role is always made subject to RLS.
   * An existing role keeps its password: it may be managed by someone else.
   */
  public static void ensureLoginRole(Connection admin, Credentials role, boolean application)
      throws SQLException {
    String name = identifier(role.user());
    boolean exists;
    try (var st = admin.prepareStatement("select 1 from pg_roles where rolname = ?")) {
      st.setString(1, role.user());
      try (var rs = st.executeQuery()) {
        exists = rs.next();
      }
    }
    try (var st = admin.createStatement()) {
      if (!exists) {
        st.execute("create role " + name + " login password " + literal(role.password()));
      }
      if (application) {
        // Superusers and BYPASSRLS roles skip row-level security: the app role must be neither.
        st.execute("alter role " + name + " nosuperuser nobypassrls nocreatedb nocreaterole");
      }
    }
  }

  /** Opens a JDBC connection; a small helper for provisioning code that has no pool yet. */
  public static Connection connect(String jdbcUrl, Credentials credentials) throws SQLException {
    var props = new Properties();
    props.setProperty("user", credentials.user());
    if (credentials.password() != null) {
      props.setProperty("password", credentials.password());
    }
    return DriverManager.getConnection(jdbcUrl, props);
  }

  /** Replaces the database name of a PostgreSQL JDBC URL, keeping host, port and parameters. */
  public static String withDatabase(String jdbcUrl, String database) {
    var m = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$").matcher(jdbcUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
  }

  static String identifier(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
    }
    return name;
  }

  private static String literal(String value) {
    return value == null ? "null" : "'" + value.replace("'", "''") + "'";
  }

  /** A role name and its password (which may be null where the server trusts the connection). */
  public record Credentials(String user, String password) {
    public Credentials {
      identifier(user);
    }

    @Override
    public String toString() {
      return "Credentials[user=" + user + "]";
    }
  }
}
