package com.orbitcrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
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

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIncludesTheDatabase() throws Exception {
    var response = get("/actuator/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"");
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
      String next = settingInTransaction("orbit.tenant_id");
      assertThat(next).isNullOrEmpty();
      assertThat(setting("orbit.tenant_id")).isNullOrEmpty();
    }
  }

  @Test
  void theApplicationQueriesAsAPlainRoleSubjectToRowLevelSecurity() {
    var role = dsl.fetchOne("select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user");
    assertThat(role.get(0, String.class)).isEqualTo("orbit_app");
    assertThat(role.get(1, Boolean.class)).isFalse();
    assertThat(role.get(2, Boolean.class)).isFalse();
    // No tenant set: the tables exist but show nothing.
    assertThat(dsl.fetchCount(DSL.table("tenants"))).isZero();
  }

  private String settingInTransaction(String name) {
    return tx.execute(status -> setting(name));
  }

  private String setting(String name) {
    return dsl.fetchValue(DSL.field("current_setting({0}, true)", String.class, DSL.val(name)));
  }
}
