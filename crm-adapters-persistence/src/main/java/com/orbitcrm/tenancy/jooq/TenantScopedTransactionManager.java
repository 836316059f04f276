package com.orbitcrm.tenancy.jooq;

import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts every transaction in the tenant of the {@link TenantContext}: the one place where the
 * row-level security setting {@code orbit.tenant_id} is made, transaction-local, so that it can
 * never leak into the next use of a pooled connection. A transaction begun without a tenant sets
 * nothing, and the database then shows it no tenant rows at all — and {@link TenantGuard} refuses its
 * queries rather than let an empty answer pass for a real one.
 *
 * <p>A transaction joins the open one only when both act for the same workspace and user. Work that runs
 * in another scope inside an open transaction — a whole request's read transaction, say, in which an RSVP
 * link acts for the invitation's workspace — gets a transaction of its own in that scope instead of
 * joining one whose settings name another workspace.
 */
public class TenantScopedTransactionManager implements PlatformTransactionManager, ResourceTransactionManager {

  private final Scoped transactions;

  public TenantScopedTransactionManager(DataSource dataSource) {
    this.transactions = new Scoped(dataSource);
  }

  @Override
  public TransactionStatus getTransaction(@Nullable TransactionDefinition definition) throws TransactionException {
    return transactions.getTransaction(inScope(definition));
  }

  @Override
  public void commit(TransactionStatus status) throws TransactionException {
    transactions.commit(status);
  }

  @Override
  public void rollback(TransactionStatus status) throws TransactionException {
    transactions.rollback(status);
  }

  @Override
  public Object getResourceFactory() {
    return transactions.getResourceFactory();
  }

  /** The definition as asked, unless it would join an open transaction of another scope: then a new one. */
  static @Nullable TransactionDefinition inScope(@Nullable TransactionDefinition definition) {
    TransactionScopes.Frame open = TransactionScopes.current();
    if (open == null || !TransactionSynchronizationManager.isActualTransactionActive()
        || open.isFor(TenantContext.current().orElse(null))) {
      return definition;
    }
    int propagation = definition == null ? TransactionDefinition.PROPAGATION_REQUIRED
        : definition.getPropagationBehavior();
    if (propagation != TransactionDefinition.PROPAGATION_REQUIRED
        && propagation != TransactionDefinition.PROPAGATION_SUPPORTS
        && propagation != TransactionDefinition.PROPAGATION_MANDATORY) {
      return definition;
    }
    var own = definition == null ? new DefaultTransactionDefinition() : new DefaultTransactionDefinition(definition);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return own;
  }

  /** Spring's JDBC transactions, with the workspace set at the start of each. */
  private static final class Scoped extends JdbcTransactionManager {

    Scoped(DataSource dataSource) {
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
      TransactionScopes.begin(scope.get());
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
      TransactionScopes.end();
      super.doCleanupAfterCompletion(transaction);
    }
  }
}
