package com.orbitcrm.testing;

import com.orbitcrm.tenancy.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.orbitcrm.buildtools.TestPostgres;

/**
 * The adapters' view of the database in a test: one connection as the application role, in one
 * transaction begun in a workspace (as TenantScopedTransactionManager does), and a jOOQ context on it
 * that records the SQL it runs with its values inlined (so a test can EXPLAIN exactly that).
 */
public final class AppRoleDatabase implements AutoCloseable {

  private final Connection connection;
  private final DSLContext dsl;
  private final List<String> statements = new ArrayList<>();

  private AppRoleDatabase(Connection connection) {
    this.connection = connection;
    var configuration = new DefaultConfiguration()
        .set(connection)
        .set(SQLDialect.POSTGRES)
        .set(new Settings().withStatementType(StatementType.STATIC_STATEMENT))
        .set(new ExecuteListener() {
          @Override
          public void executeStart(ExecuteContext ctx) {
            statements.add(ctx.sql());
          }
        });
    this.dsl = DSL.using(configuration);
  }

  /** A transaction as the application role in {@code tenant}; closing it commits. */
  public static AppRoleDatabase in(TenantId tenant) throws SQLException {
    Connection c = TestPostgres.database().appDataSource().getConnection();
    c.setAutoCommit(false);
    try (var st = c.prepareStatement("select set_config('orbit.tenant_id', ?, true)")) {
      st.setString(1, tenant.toString());
      st.execute();
    }
    return new AppRoleDatabase(c);
  }

  /** Creates a workspace (as the owner would at sign-up: the row only) and answers its id. */
  public static TenantId newWorkspace() throws SQLException {
    var tenant = new TenantId(UUID.randomUUID());
    try (var c = TestPostgres.database().appDataSource().getConnection()) {
      c.setAutoCommit(false);
      try (var st = c.prepareStatement("select set_config('orbit.tenant_id', ?, true)")) {
        st.setString(1, tenant.toString());
        st.execute();
      }
      try (var st = c.prepareStatement("insert into tenants (id, name) values (?, 'Test workspace')")) {
        st.setObject(1, tenant.value());
        st.execute();
      }
      c.commit();
    }
    return tenant;
  }

  public DSLContext dsl() {
    return dsl;
  }

  public Connection connection() {
    return connection;
  }

  /** The SQL run since the last call, values inlined. */
  public List<String> takeStatements() {
    var taken = List.copyOf(statements);
    statements.clear();
    return taken;
  }

  /** The plan of {@code sql} as the application role sees it, one line per node. */
  public String explain(String sql) throws SQLException {
    var plan = new StringBuilder();
    try (var st = connection.createStatement(); var rs = st.executeQuery("explain " + sql)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  public void execute(String sql) throws SQLException {
    try (var st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  public void commit() throws SQLException {
    connection.commit();
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.commit();
    } finally {
      connection.close();
    }
  }
}
