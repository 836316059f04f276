package com.orbitcrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.RequestTransaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

@OrbitIntegrationTest
class ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired DSLContext dsl;
  @Autowired TransactionTemplate tx;
  @Autowired DataSource dataSource;
  @Autowired RequestTransaction requests;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIncludesTheDatabase() throws Exception {
    var response = get("/actuator/health");
    assertThat(response.statusCode()).isEqualTo(200);
    // Both pools: the application's and the browser sessions' own.
    assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"dataSource\":{\"status\":\"UP\"")
        .contains("\"sessionDataSource\":{\"status\":\"UP\"");
  }

  @Test
  void theLandingPageIsRenderedWithItsAssets() throws Exception {
    var page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Orbit CRM").contains("Create a free workspace");
    assertThat(get("/css/orbit.css").statusCode()).isEqualTo(200);
    assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
  }

  @Test
  void everyTransactionRunsInTheTenantOfTheContextAndOnlyThere() {
    var scope = new TenantContext.Scope(new TenantId(UUID.randomUUID()), new UserId(UUID.randomUUID()), Role.MEMBER);
    String inside = TenantContext.callAs(scope, () -> settingInTransaction("orbit.tenant_id"));
    String user = TenantContext.callAs(scope, () -> settingInTransaction("orbit.user_id"));
    assertThat(inside).isEqualTo(scope.tenant().toString());
    assertThat(user).isEqualTo(scope.user().toString());
    // The setting is transaction-local: the pooled connection does not carry it into the next use.
    for (int i = 0; i < 25; i++) {
      assertThat(jdbcSetting("orbit.tenant_id")).isNullOrEmpty();
    }
  }

  @Test
  void workForAnotherScopeInsideAnOpenTransactionGetsATransactionOfItsOwn() {
    var a = new TenantContext.Scope(new TenantId(UUID.randomUUID()), new UserId(UUID.randomUUID()), Role.MEMBER);
    var b = TenantContext.Scope.system(new TenantId(UUID.randomUUID()));
    String[] seen = new String[3];
    TenantContext.runAs(a, () -> tx.executeWithoutResult(outer -> {
      // Same scope: joins (one transaction for a whole request's use cases).
      seen[0] = tx.execute(inner -> inner.isNewTransaction() ? "new" : "joined");
      // Another workspace (an RSVP link, a tracking pixel): its own transaction, in its own workspace.
      seen[1] = TenantContext.callAs(b, () -> settingInTransaction("orbit.tenant_id"));
      seen[2] = settingInTransaction("orbit.tenant_id");
    }));
    assertThat(seen).containsExactly("joined", b.tenant().toString(), a.tenant().toString());
  }

  @Test
  void aRequestsTransactionIsReadOnlyAndEndsQuietlyAfterAFailedUseCase() {
    var scope = TenantContext.Scope.system(new TenantId(UUID.randomUUID()));
    // The database itself refuses a write during a GET.
    assertThatThrownBy(() -> TenantContext.runAs(scope, () -> requests.readOnly(
        () -> dsl.execute("create temporary table planted_write (id int)"))))
        .hasMessageContaining("read-only transaction");
    // A use case that failed inside (answered as a 404 or a form error) leaves nothing to commit and no error.
    String[] after = new String[1];
    TenantContext.runAs(scope, () -> requests.readOnly(() -> {
      assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
        throw new IllegalArgumentException("refused");
      })).hasMessage("refused");
      after[0] = settingInTransaction("orbit.tenant_id");
    }));
    assertThat(after[0]).isEqualTo(scope.tenant().toString());
  }

  @Test
  void aQueryOutsideATenantScopedTransactionFailsLoudlyInsteadOfFindingNothing() {
    // Row-level security would answer these with no rows at all; the guard makes the mistake visible.
    assertThatThrownBy(() -> dsl.fetchCount(DSL.table("tenants")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a transaction");
    assertThatThrownBy(() -> tx.execute(status -> dsl.fetchCount(DSL.table("clients"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("without a workspace");
    var scope = TenantContext.Scope.system(new TenantId(UUID.randomUUID()));
    Integer none = TenantContext.callAs(scope, () -> tx.execute(status -> dsl.fetchCount(DSL.table("clients"))));
    assertThat(none).isZero();
  }

  @Test
  void theApplicationQueriesAsAPlainRoleSubjectToRowLevelSecurity() throws Exception {
    try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery(
        "select current_user, rolsuper, rolbypassrls, (select count(*) from tenants) from pg_roles "
            + "where rolname = current_user")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("orbit_app");
      assertThat(rs.getBoolean(2)).isFalse();
      assertThat(rs.getBoolean(3)).isFalse();
      // No tenant set: the tables exist but show nothing.
      assertThat(rs.getLong(4)).isZero();
    }
  }

  private String settingInTransaction(String name) {
    return tx.execute(status -> dsl.fetchValue(DSL.field("current_setting({0}, true)", String.class, DSL.val(name))));
  }

  /** The setting on a pooled connection taken outside any transaction. */
  private String jdbcSetting(String name) {
    try (var c = dataSource.getConnection(); var st = c.prepareStatement("select current_setting(?, true)")) {
      st.setString(1, name);
      try (var rs = st.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
