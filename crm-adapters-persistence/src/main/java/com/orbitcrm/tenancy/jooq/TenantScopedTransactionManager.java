package com.orbitcrm.tenancy.jooq;

import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction in the tenant of the {@link TenantContext}: the one place where the
 * row-level security setting {@code orbit.tenant_id} is made, transaction-local, so that it can
 * never leak into the next use of a pooled connection. A transaction begun without a tenant sets
 * nothing, and the database then shows it no tenant rows at all — and {@link TenantGuard} refuses its
 * queries rather than let an empty answer pass for a real one.
 */
public class TenantScopedTransactionManager extends JdbcTransactionManager {

  public TenantScopedTransactionManager(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
      throws SQLException {
    super.prepareTransactionalConnection(con, definition);
    var scope = TenantContext.current();
    if (scope.isEmpty()) {
      TransactionScopes.begin(null);
      return;
    }
    try (var st = con.prepareStatement(
        "select set_config('orbit.tenant_id', ?, true), set_config('orbit.user_id', ?, true)")) {
      st.setString(1, scope.get().tenant().toString());
      UserId user = scope.get().user();
      st.setString(2, user == null ? "" : user.toString());
      st.execute();
    }
    TransactionScopes.begin(scope.get().tenant());
  }

  @Override
  protected void doCleanupAfterCompletion(Object transaction) {
    TransactionScopes.end();
    super.doCleanupAfterCompletion(transaction);
  }
}
