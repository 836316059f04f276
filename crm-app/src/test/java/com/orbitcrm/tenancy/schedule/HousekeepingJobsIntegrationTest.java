package com.orbitcrm.tenancy.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.orbitcrm.Api;
import com.orbitcrm.OrbitIntegrationTest;
import com.orbitcrm.tenancy.app.WorkspaceHousekeeping;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orbitcrm.buildtools.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The housekeeping runs as db-scheduler jobs, one row each in their own table, so that whichever instance picks
 * a job runs it and the others do not; and an event left undelivered is delivered again once it is old enough
 * that nobody is still delivering it.
 */
@OrbitIntegrationTest
class HousekeepingJobsIntegrationTest {

  @LocalServerPort int port;
  @Autowired WorkspaceHousekeeping housekeeping;

  @Test
  void eachJobIsOneRowOfItsOwnTableAndHasRunOnStart() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jobsThatSucceeded())
        .containsExactlyInAnyOrder(HousekeepingJobs.PURGE_TRASH, HousekeepingJobs.REDELIVER_EVENTS,
            HousekeepingJobs.DELETE_OLD_EVENTS, HousekeepingJobs.FORGET_SIGN_INS, HousekeepingJobs.DELETE_RESET_LINKS,
            HousekeepingJobs.PURGE_IDEMPOTENCY_KEYS));
  }

  @Test
  void anEventLeftUndeliveredIsDeliveredAgainOnceItIsOldEnough() throws SQLException {
    var anonymous = new Api(port);
    var workspace = anonymous.signUp("Redelivery");
    var api = anonymous.bearer(anonymous.tokenFor(workspace));
    String deal = api.post("/api/crm/deals", "{\"name\": \"Stuck move\"}").text("id");
    assertThat(api.patch("/api/crm/deals/" + deal + "/stage", "{\"stage\": \"qualified\"}").status()).isEqualTo(200);
    String stageChanges = "select count(*) from crm_activities where entity_id = '" + deal
        + "' and activity_type = 'status_change'";
    await().atMost(Duration.ofSeconds(30)).until(() -> count(workspace.tenantId(), stageChanges) == 1);

    // As if the instance had stopped before the timeline recorded the move: its entry missing, its event
    // publication still incomplete — ten minutes ago.
    try (Connection c = inWorkspace(workspace.tenantId())) {
      c.createStatement().executeUpdate("delete from crm_activities where entity_id = '" + deal
          + "' and activity_type = 'status_change'");
      int stuck = c.createStatement().executeUpdate("update event_publication set completion_date = null, "
          + "publication_date = now() - interval '10 minutes' where event_type like '%DealStageChanged' "
          // The timeline's publication (integrations listens to stage changes too).
          + "and listener_id like '%StageChangeRecorder%'");
      assertThat(stuck).isEqualTo(1);
      c.commit();
    }

    // Not yet old enough for a patient job: left alone.
    housekeeping.redeliverStuckEvents(Duration.ofMinutes(15));
    assertThat(count(workspace.tenantId(), stageChanges)).isZero();

    housekeeping.redeliverStuckEvents(Duration.ofMinutes(5));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(count(workspace.tenantId(), stageChanges)).isEqualTo(1);
      assertThat(count(workspace.tenantId(), "select count(*) from event_publication where completion_date is null"))
          .isZero();
    });
  }

  private static List<String> jobsThatSucceeded() throws SQLException {
    try (Connection c = TestPostgres.database().ownerDataSource().getConnection();
         var rs = c.createStatement().executeQuery(
             "select task_name from " + HousekeepingJobs.TABLE + " where last_success is not null")) {
      var names = new ArrayList<String>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    }
  }

  /** A connection of the schema's owner inside {@code tenant}, in a transaction. */
  private static Connection inWorkspace(String tenant) throws SQLException {
    Connection c = TestPostgres.database().ownerDataSource().getConnection();
    c.setAutoCommit(false);
    try (var st = c.prepareStatement("select set_config('orbit.tenant_id', ?, true)")) {
      st.setString(1, tenant);
      st.execute();
    }
    return c;
  }

  private static long count(String tenant, String sql) throws SQLException {
    try (Connection c = inWorkspace(tenant); var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      long n = rs.getLong(1);
      c.commit();
      return n;
    }
  }
}
