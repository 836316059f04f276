package com.orbitcrm.schema;

import static com.orbitcrm.schema.TenantGraph.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.schema.TenantGraph.Fixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orbitcrm.buildtools.TestPostgres;

/**
 * The database itself keeps workspaces apart: these tests run as the application's role, exactly
 * as the application does, and try every way across. They must go red if a policy is dropped,
 * FORCE is removed, or the application role becomes a superuser or an owner.
 */
class TenantIsolationIntegrationTest {

  static TestPostgres.Database db;
  static TenantGraph a;
  static TenantGraph b;

  @BeforeAll
  static void twoWorkspaces() throws SQLException {
    db = TestPostgres.database();
    a = TenantGraph.random();
    b = TenantGraph.random();
    for (TenantGraph g : List.of(a, b)) {
      inTenant(g.tenant(), c -> {
        g.insertAll(c);
        return null;
      });
    }
  }

  static Stream<Fixture> tenantTables() {
    return TenantGraph.FIXTURES.stream();
  }

  @Test
  void everyTableWithATenantIsCoveredByTheseTests() throws SQLException {
    var withTenantColumn = new ArrayList<String>();
    try (var c = db.ownerDataSource().getConnection();
        var rs = c.createStatement().executeQuery("""
            select table_name from information_schema.columns
            where table_schema = 'public' and column_name = 'tenant_id' order by table_name""")) {
      while (rs.next()) {
        withTenantColumn.add(rs.getString(1));
      }
    }
    withTenantColumn.add("tenants");
    assertThat(tenantTables().map(Fixture::table)).containsExactlyInAnyOrderElementsOf(withTenantColumn);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tenantTables")
  void rowLevelSecurityIsEnabledAndForcedWithAPolicy(Fixture table) throws SQLException {
    try (var c = db.ownerDataSource().getConnection();
        var st = c.prepareStatement("""
            select c.relrowsecurity, c.relforcerowsecurity,
                   (select count(*) from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname)
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relname = ?""")) {
      st.setString(1, table.table());
      try (var rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean(1)).as("RLS enabled on %s", table).isTrue();
        // Without FORCE, the owner (who runs migrations and maintenance) would see every tenant.
        assertThat(rs.getBoolean(2)).as("RLS forced on %s", table).isTrue();
        assertThat(rs.getInt(3)).as("policies on %s", table).isPositive();
      }
    }
  }

  @Test
  void theApplicationRoleIsNeitherSuperuserNorOwnerNorExemptFromRowSecurity() throws SQLException {
    try (var c = db.appDataSource().getConnection();
        var rs = c.createStatement().executeQuery("""
            select r.rolsuper, r.rolbypassrls,
                   (select count(*) from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user)
            from pg_roles r where r.rolname = current_user""")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).as("superuser").isFalse();
      assertThat(rs.getBoolean(2)).as("bypassrls").isFalse();
      assertThat(rs.getInt(3)).as("tables owned").isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tenantTables")
  void aTenantSeesOnlyItsOwnRowsWithoutAnyWhereClause(Fixture table) throws SQLException {
    for (TenantGraph self : List.of(a, b)) {
      Map<String, Long> counts = inTenant(self.tenant(), c -> countByTenant(c, table));
      assertThat(counts).as("rows of %s visible to %s", table, self.tenant())
          .containsOnlyKeys(self.tenant().toString());
      assertThat(counts.get(self.tenant().toString())).isPositive();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tenantTables")
  void withoutATenantNothingIsVisible(Fixture table) throws SQLException {
    Map<String, Long> visible = inTenant(null, c -> countByTenant(c, table));
    assertThat(visible).isEmpty();
    try (var c = db.appDataSource().getConnection()) {
      c.setAutoCommit(false);
      // A setting that was reset (or set to an empty string) is no tenant either.
      exec(c, "select set_config('orbit.tenant_id', '', true)");
      assertThat(countByTenant(c, table)).isEmpty();
      c.rollback();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tenantTables")
  void aTenantCannotInsertARowOfAnother(Fixture table) {
    assertThatThrownBy(() -> inTenant(a.tenant(), c -> {
      table.insert().into(c, b, UUID.randomUUID());
      return null;
    })).isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("RLS violation").isEqualTo("42501"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tenantTables")
  void aTenantCannotMoveItsRowsToAnother(Fixture table) {
    assertThatThrownBy(() -> inTenant(a.tenant(), c -> exec(c,
        "update " + table.table() + " set " + table.tenantColumn() + " = ? where " + table.tenantColumn() + " = ?",
        b.tenant(), a.tenant())))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("RLS violation").isEqualTo("42501"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tenantTables")
  void aTenantCannotUpdateOrDeleteRowsOfAnother(Fixture table) throws SQLException {
    String where = " where " + table.tenantColumn() + " = ?";
    Map<String, Long> before = inTenant(b.tenant(), c -> countByTenant(c, table));
    String snapshot = "select md5(string_agg(t::text, ',' order by t::text)) from " + table.table() + " t" + where;
    String rowsBefore = inTenant(b.tenant(), c -> text(c, snapshot, b.tenant()));
    int touched = refusedOrCount(() -> inTenant(a.tenant(), c ->
        exec(c, "update " + table.table() + " set " + table.change() + where, b.tenant())))
        + refusedOrCount(() -> inTenant(a.tenant(), c -> exec(c, "delete from " + table.table() + where, b.tenant())));
    assertThat(touched).isZero();
    Map<String, Long> after = inTenant(b.tenant(), c -> countByTenant(c, table));
    String rowsAfter = inTenant(b.tenant(), c -> text(c, snapshot, b.tenant()));
    assertThat(after).isEqualTo(before);
    assertThat(rowsAfter).as("rows of %s of the other tenant", table).isEqualTo(rowsBefore);
  }

  @Test
  void aDealCannotPointAtAClientOfAnotherTenant() {
    // A rank of its own, so that only the foreign key can refuse it (ranks are unique per column).
    assertForeignKeyRefused(c -> exec(c, "insert into crm_deals (tenant_id, name, client_id, pipeline_id, stage, rank) "
        + "values (?, 'Poach', ?, ?, 'lead', 'Zz')", a.tenant(), b.client(), a.pipeline()));
  }

  @Test
  void aDealCannotBeOnAPipelineOrStageOfAnotherTenant() {
    assertForeignKeyRefused(c -> exec(c, "insert into crm_deals (tenant_id, name, pipeline_id, stage, rank) "
        + "values (?, 'Poach', ?, 'lead', 'Zy')", a.tenant(), b.pipeline()));
    assertForeignKeyRefused(c -> exec(c, "insert into crm_deals (tenant_id, name, pipeline_id, stage, rank) "
        + "values (?, 'Nowhere', ?, 'no_such_stage', 'Zx')", a.tenant(), a.pipeline()));
  }

  @Test
  void aFieldValueCannotUseAFieldDefinitionOfAnotherTenant() {
    assertForeignKeyRefused(c -> exec(c, "insert into crm_custom_field_values "
        + "(tenant_id, field_id, entity_type, entity_id, key, value) values (?, ?, 'client', ?, '1', '1')",
        a.tenant(), b.field(), a.client()));
  }

  @Test
  void aFieldValueCannotUseAFieldDefinitionOfAnotherRecordType() {
    assertForeignKeyRefused(c -> exec(c, "insert into crm_custom_field_values "
        + "(tenant_id, field_id, entity_type, entity_id, key, value) values (?, ?, 'deal', ?, '1', '1')",
        a.tenant(), a.field(), a.deal()));
  }

  @Test
  void aMeetingCannotPointAtADealOfAnotherTenant() {
    assertForeignKeyRefused(c -> exec(c, "update crm_meetings set deal_id = ? where tenant_id = ?", b.deal(), a.tenant()));
  }

  @Test
  void anOwnerMustBeAMemberOfTheSameWorkspace() {
    assertForeignKeyRefused(c -> exec(c, "update clients set account_owner_id = ? where id = ?", b.user(), a.client()));
    assertForeignKeyRefused(c -> exec(c, "update crm_deals set owner_id = ? where id = ?", b.user(), a.deal()));
  }

  @Test
  void everyUpdateBumpsTheVersion() throws SQLException {
    int before = inTenant(a.tenant(), c -> intValue(c, "select version from clients where id = ?", a.client()));
    inTenant(a.tenant(), c -> exec(c, "update clients set city = 'Austin' where id = ?", a.client()));
    int after = inTenant(a.tenant(), c -> intValue(c, "select version from clients where id = ?", a.client()));
    assertThat(after).isEqualTo(before + 1);
  }

  private static void assertForeignKeyRefused(Work<?> work) {
    assertThatThrownBy(() -> inTenant(a.tenant(), work))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("FK violation").isEqualTo("23503"));
  }

  private static Map<String, Long> countByTenant(Connection c, Fixture table) throws SQLException {
    var counts = new HashMap<String, Long>();
    try (var rs = c.createStatement().executeQuery("select " + table.tenantColumn() + "::text, count(*) from "
        + table.table() + " group by 1")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  interface Change {
    int run() throws SQLException;
  }

  /** Rows changed, or 0 when the application role may not change this table at all (append-only secrets). */
  private static int refusedOrCount(Change change) throws SQLException {
    try {
      return change.run();
    } catch (SQLException e) {
      if ("42501".equals(e.getSQLState())) {
        return 0;
      }
      throw e;
    }
  }

  private static String text(Connection c, String sql, Object arg) throws SQLException {
    try (var st = c.prepareStatement(sql)) {
      st.setObject(1, arg);
      try (var rs = st.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static int intValue(Connection c, String sql, Object arg) throws SQLException {
    try (var st = c.prepareStatement(sql)) {
      st.setObject(1, arg);
      try (var rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** One transaction as the application role, with the tenant set as the application sets it. */
  static <T> T inTenant(UUID tenant, Work<T> work) throws SQLException {
    try (var c = db.appDataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        if (tenant != null) {
          exec(c, "select set_config('orbit.tenant_id', ?, true)", tenant.toString());
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
