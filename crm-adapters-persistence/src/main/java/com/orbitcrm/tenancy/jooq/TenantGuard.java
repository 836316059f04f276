package com.orbitcrm.tenancy.jooq;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Fails a query loudly where row-level security would answer it quietly with nothing: a repository
 * called outside a transaction, or in a transaction begun without a workspace. (The database would show
 * such a query no rows at all, and a bug would look like an empty list.) The few look-ups that happen
 * before a workspace is chosen — signing in, presenting a token, listing one's workspaces, finding the
 * workspaces housekeeping has work in — open a named door first ({@link Settings}).
 */
final class TenantGuard implements ExecuteListener {

  @Override
  public void executeStart(ExecuteContext ctx) {
    TransactionScopes.Frame frame = TransactionScopes.current();
    if (frame == null) {
      throw new IllegalStateException("A query ran outside a transaction; every repository call belongs in a "
          + "use case's transaction, scoped to a workspace: " + ctx.sql());
    }
    if (frame.tenant == null && frame.door == null) {
      throw new IllegalStateException("A query ran in a transaction begun without a workspace (set the "
          + "TenantContext before the transaction opens): " + ctx.sql());
    }
  }
}
