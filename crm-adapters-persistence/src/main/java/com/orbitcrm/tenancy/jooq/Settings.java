package com.orbitcrm.tenancy.jooq;

import org.jooq.DSLContext;

/**
 * Transaction-local settings that open one narrow row-level security door for a single look-up that
 * happens before a workspace is chosen (signing in, presenting a token, listing one's workspaces).
 * Each is read by one policy in V1__tenancy.sql; all vanish at the end of the transaction. Opening one
 * also tells {@link TenantGuard} that this transaction looks before a workspace on purpose.
 */
final class Settings {
  private Settings() {}

  static void set(DSLContext dsl, String name, String value) {
    TransactionScopes.openDoor(name);
    dsl.fetch("select set_config(?, ?, true)", name, value);
  }
}
