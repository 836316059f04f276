package com.orbitcrm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;

/**
 * The schema stays ready to be distributed by workspace (Citus): a table either carries {@code tenant_id} —
 * not null, in every unique key, and in every foreign key to another such table — or is one of the few global
 * tables, which Citus would copy to every node as reference tables and which must then point at no
 * workspace's rows. A new table is one or the other on purpose: the test lists every table and key.
 */
class CitusReadinessIntegrationTest {

  /**
   * Tables without a workspace: accounts and workspaces themselves, what is about accounts, addresses and browsers
   * rather than a workspace's records (sign-in throttling and locks, reset links, sessions), and job schedules.
   */
  static final Set<String> GLOBAL_TABLES = Set.of(
      "flyway_schema_history", "tenants", "users", "scheduled_tasks", "scheduled_jobs", "scheduled_imports",
      "scheduled_webhooks",
      "sign_in_buckets", "sign_in_locks", "sign_in_failures", "password_resets",
      "spring_session", "spring_session_attributes");

  private static final String VIOLATIONS = """
      with tenant_tables as (
        select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                      and not a.attisdropped))
      select 'a unique key without tenant_id: ' || i.indexrelid::regclass from tenant_tables t
        join pg_index i on i.indrelid = t.oid
       where i.indisunique and not exists (select 1 from pg_attribute a where a.attrelid = t.oid
                                           and a.attname = 'tenant_id' and a.attnum = any (i.indkey))
      union all
      select 'a foreign key without tenant_id: ' || t.relname || '.' || con.conname from tenant_tables t
        join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
       where con.confrelid in (select oid from tenant_tables)
         and not exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = 'tenant_id'
                         and a.attnum = any (con.conkey))
      union all
      select 'tenant_id may be null: ' || t.relname from tenant_tables t
        join pg_attribute a on a.attrelid = t.oid and a.attname = 'tenant_id' where not a.attnotnull
      union all
      select 'a global table points at a workspace''s rows: ' || c.relname || '.' || con.conname
        from pg_constraint con join pg_class c on c.oid = con.conrelid
       where con.contype = 'f' and c.oid not in (select oid from tenant_tables)
         and con.confrelid in (select oid from tenant_tables)
      order by 1""";

  @Test
  void everyTableIsDistributedByWorkspaceOrDeclaredGlobal() throws SQLException {
    try (Connection c = TestPostgres.database().ownerDataSource().getConnection();
         var rs = c.createStatement().executeQuery("""
             select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind in ('r', 'p')
               and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                               and not a.attisdropped)""")) {
      var global = new ArrayList<String>();
      while (rs.next()) {
        global.add(rs.getString(1));
      }
      assertThat(global).as("tables without tenant_id: give them one, or declare them global here")
          .isNotEmpty().allSatisfy(t -> assertThat(GLOBAL_TABLES).contains(t));
    }
  }

  @Test
  void everyKeyOfAWorkspacesTableIncludesTheWorkspace() throws SQLException {
    try (Connection c = TestPostgres.database().ownerDataSource().getConnection()) {
      assertThat(violations(c)).isEmpty();
    }
  }

  @Test
  void aPlantedTableWithAGlobalKeyIsCaught() throws SQLException {
    try (Connection c = TestPostgres.database().ownerDataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        c.createStatement().execute("""
            create table planted_widgets (tenant_id uuid references tenants (id), id uuid primary key, code text unique);
            create table planted_parts (tenant_id uuid not null, widget_id uuid references planted_widgets (id));
            alter table users add column planted_widget_id uuid references planted_widgets (id)""");
        assertThat(violations(c)).containsExactlyInAnyOrder(
            "a unique key without tenant_id: planted_widgets_pkey",
            "a unique key without tenant_id: planted_widgets_code_key",
            "a foreign key without tenant_id: planted_parts.planted_parts_widget_id_fkey",
            "tenant_id may be null: planted_widgets",
            "a global table points at a workspace's rows: users.users_planted_widget_id_fkey");
      } finally {
        c.rollback();
      }
    }
  }

  private static List<String> violations(Connection c) throws SQLException {
    var found = new ArrayList<String>();
    try (var rs = c.createStatement().executeQuery(VIOLATIONS)) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }
}
