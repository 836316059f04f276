package com.orbitcrm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.Rank;
import com.orbitcrm.deals.Stage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;

/**
 * Where SQL repeats a rule of the domain (for a migration or for speed), the two are held together here,
 * and the narrowly granted housekeeping functions are held to answering workspace ids only.
 */
class SchemaRulesIntegrationTest {

  @Test
  void theSqlDefaultStagesAreTheDomainsDefaultStages() throws SQLException {
    var sql = new ArrayList<String>();
    try (var c = TestPostgres.database().appDataSource().getConnection(); var rs = c.createStatement().executeQuery(
        "select key, label, color, ord, probability, kind from orbit_default_stages() order by ord")) {
      while (rs.next()) {
        sql.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6)));
      }
    }
    List<String> domain = Pipeline.defaultStages().stream().map((Stage s) -> String.join("|", s.key(), s.label(),
        s.color(), String.valueOf(s.order()), String.valueOf(s.defaultProbability().percent()), s.kind().key()))
        .toList();
    assertThat(sql).containsExactlyElementsOf(domain);
  }

  @Test
  void theSqlRankKeysAreTheDomainsRankKeys() throws SQLException {
    long[] samples = {0, 1, 61, 62, 63, 3905, 3906, 3907, 242_233, 242_234, 1_000_000_000L, Long.MAX_VALUE};
    try (var c = TestPostgres.database().appDataSource().getConnection();
        var st = c.prepareStatement("select orbit_rank_key(?)")) {
      for (long n = 0; n < 5000; n += 7) {
        assertThat(rankKey(st, n)).as("n = %d", n).isEqualTo(Rank.ofIndex(n));
      }
      for (long n : samples) {
        assertThat(rankKey(st, n)).as("n = %d", n).isEqualTo(Rank.ofIndex(n));
      }
    }
  }

  private static String rankKey(java.sql.PreparedStatement st, long n) throws SQLException {
    st.setLong(1, n);
    try (var rs = st.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void housekeepingFindsWorkspacesWithWorkAndRevealsNothingElse() throws SQLException {
    UUID busy = UUID.randomUUID();
    UUID idle = UUID.randomUUID();
    UUID caller = UUID.randomUUID();
    for (UUID t : List.of(busy, idle, caller)) {
      inTenant(t, c -> TenantGraph.exec(c, "insert into tenants (id, name) values (?, 'Housekeeping')", t));
    }
    inTenant(busy, c -> TenantGraph.exec(c,
        "insert into clients (tenant_id, name, deleted_at) values (?, 'Old', now() - interval '40 days')", busy));
    inTenant(idle, c -> TenantGraph.exec(c,
        "insert into clients (tenant_id, name, deleted_at) values (?, 'Recent', now() - interval '2 days')", idle));

    List<UUID> found = inTenant(caller, c -> {
      var ids = new ArrayList<UUID>();
      try (var rs = c.createStatement().executeQuery(
          "select * from orbit_workspaces_with_trash_before(now() - interval '30 days')")) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
      // The caller's own workspace is current again afterwards, and another's rows stay invisible.
      try (var rs = c.createStatement().executeQuery(
          "select current_setting('orbit.tenant_id', true), (select count(*) from clients)")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(caller.toString());
        assertThat(rs.getLong(2)).isZero();
      }
      return ids;
    });
    assertThat(found).contains(busy).doesNotContain(idle, caller);
  }

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** One transaction as the application role in {@code tenant}. */
  private static <T> T inTenant(UUID tenant, Work<T> work) throws SQLException {
    try (var c = TestPostgres.database().appDataSource().getConnection()) {
      c.setAutoCommit(false);
      TenantGraph.exec(c, "select set_config('orbit.tenant_id', ?, true)", tenant.toString());
      T result = work.run(c);
      c.commit();
      return result;
    }
  }
}
