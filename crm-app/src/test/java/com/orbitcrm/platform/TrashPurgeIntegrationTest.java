package com.orbitcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import com.orbitcrm.tenancy.app.WorkspaceHousekeeping;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Records whose time in the trash is over are purged by the housekeeping job, in every workspace, and
 * nothing stays behind pointing at them: the purge events reach the timeline, which deletes the records'
 * entries and notes. A client's deals outlive it (their history is the company's), without a client.
 */
@OrbitIntegrationTest
class TrashPurgeIntegrationTest {

  @LocalServerPort int port;
  @Autowired WorkspaceHousekeeping housekeeping;

  @Test
  void expiredTrashIsPurgedInEveryWorkspaceAndLeavesNoOrphans() throws Exception {
    var anonymous = new Api(port);
    var a = anonymous.signUp("Purge A");
    var b = anonymous.signUp("Purge B");
    var api = anonymous.bearer(anonymous.tokenFor(a));
    var apiB = anonymous.bearer(anonymous.tokenFor(b));

    String client = api.post("/api/clients", "{\"name\": \"Gone Corp\"}").text("id");
    String keptDeal = api.post("/api/crm/deals", "{\"name\": \"Outlives its client\", \"clientId\": \"%s\"}"
        .formatted(client)).text("id");
    String trashedDeal = api.post("/api/crm/deals", "{\"name\": \"Gone deal\"}").text("id");
    String recent = api.post("/api/clients", "{\"name\": \"Trashed yesterday\"}").text("id");
    String theirs = apiB.post("/api/clients", "{\"name\": \"Theirs\"}").text("id");
    for (var on : List.of(List.of("client", client), List.of("deal", keptDeal), List.of("deal", trashedDeal))) {
      assertThat(api.post("/api/crm/notes", "{\"entityType\": \"%s\", \"entityId\": \"%s\", \"content\": \"A note\"}"
          .formatted(on.get(0), on.get(1))).status()).isEqualTo(201);
      assertThat(api.post("/api/crm/activities", ("{\"entityType\": \"%s\", \"entityId\": \"%s\", "
          + "\"activityType\": \"call\", \"subject\": \"A call\"}").formatted(on.get(0), on.get(1))).status())
          .isEqualTo(201);
    }
    for (String path : List.of("/api/clients/" + client, "/api/crm/deals/" + trashedDeal, "/api/clients/" + recent)) {
      assertThat(api.delete(path).status()).isEqualTo(204);
    }
    assertThat(apiB.delete("/api/clients/" + theirs).status()).isEqualTo(204);
    // Thirty-one days later…
    backdate(a.tenantId(), "clients", client, 31);
    backdate(a.tenantId(), "crm_deals", trashedDeal, 31);
    backdate(b.tenantId(), "clients", theirs, 31);
    assertThat(count(a.tenantId(), "select count(*) from crm_notes where entity_id in ('%s', '%s')"
        .formatted(client, trashedDeal))).isEqualTo(2);

    assertThat(housekeeping.purgeExpiredTrash()).isGreaterThanOrEqualTo(3);

    assertThat(count(a.tenantId(), "select count(*) from clients where id = '" + client + "'")).isZero();
    assertThat(count(a.tenantId(), "select count(*) from crm_deals where id = '" + trashedDeal + "'")).isZero();
    assertThat(count(b.tenantId(), "select count(*) from clients where id = '" + theirs + "'")).isZero();
    // Nothing attached to them is left, once the purge events are handled.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      for (String table : List.of("crm_notes", "crm_activities")) {
        assertThat(count(a.tenantId(), "select count(*) from %s where entity_id in ('%s', '%s')"
            .formatted(table, client, trashedDeal))).as(table).isZero();
      }
    });
    // The deal of the purged client stays, with its own notes and timeline, without a client.
    var deal = api.get("/api/crm/deals/" + keptDeal);
    assertThat(deal.status()).isEqualTo(200);
    assertThat(deal.json().get("clientId").isNull()).isTrue();
    assertThat(count(a.tenantId(), "select count(*) from crm_notes where entity_id = '" + keptDeal + "'")).isEqualTo(1);
    // What was trashed yesterday is still there to restore.
    assertThat(api.post("/api/clients/" + recent + "/restore", "").status()).isEqualTo(200);
  }

  /** Moves a trashed row's deletion back, as the schema's owner inside its workspace. */
  private static void backdate(String tenant, String table, String id, int days) throws SQLException {
    try (var c = TestPostgres.database().ownerDataSource().getConnection()) {
      c.setAutoCommit(false);
      try (var st = c.prepareStatement("select set_config('orbit.tenant_id', ?, true)")) {
        st.setString(1, tenant);
        st.execute();
      }
      try (var st = c.prepareStatement("update " + table + " set deleted_at = deleted_at - make_interval(days => ?) "
          + "where id = ?::uuid")) {
        st.setInt(1, days);
        st.setString(2, id);
        assertThat(st.executeUpdate()).isEqualTo(1);
      }
      c.commit();
    }
  }

  private static long count(String tenant, String sql) throws SQLException {
    try (var c = TestPostgres.database().ownerDataSource().getConnection()) {
      c.setAutoCommit(false);
      try (var st = c.prepareStatement("select set_config('orbit.tenant_id', ?, true)")) {
        st.setString(1, tenant);
        st.execute();
      }
      try (var rs = c.createStatement().executeQuery(sql)) {
        rs.next();
        long n = rs.getLong(1);
        c.commit();
        return n;
      }
    }
  }
}
