package com.orbitcrm.clients.jooq;

import static com.orbitcrm.testing.Plans.assertKeysetIsAnIndexCondition;
import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.clients.Client;
import com.orbitcrm.platform.SearchWords;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.AppRoleDatabase;
import com.orbitcrm.testing.Plans;
import org.junit.jupiter.api.Test;

/** The command bar's client search: word prefixes, every word, through the word index under row-level security. */
class ClientWordSearchIntegrationTest {

  @Test
  void clientsAreFoundByEveryWordPrefixThroughTheWordIndex() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    TenantId other = AppRoleDatabase.newWorkspace();
    try (var db = AppRoleDatabase.in(other)) {
      db.execute("insert into clients (tenant_id, name) values ('" + other + "', 'Harbor Elsewhere')");
    }
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("insert into clients (tenant_id, name, contact_name, contact_email) select '" + tenant
          + "', 'Client ' || g, 'Person ' || g, 'p' || g || '@example.test' from generate_series(1, 3000) g");
      db.execute("insert into clients (tenant_id, name, contact_name, contact_email) values ('" + tenant
          + "', 'Harbor Hospitality', 'Grace Hopper', 'grace@harbor.example'), ('" + tenant
          + "', 'Harvest Foods', null, 'buyer@harvest.example')");
      db.execute("update clients set deleted_at = now() where tenant_id = '" + tenant + "' and name = 'Client 7'");
    }
    Plans.analyze("clients", "client_search_words");
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("set local enable_seqscan = off");
      var clients = new JooqClients(db.dsl());
      assertThat(clients.findByWords(tenant, SearchWords.of("har"), 5)).extracting(c -> c.details().name())
          .containsExactly("Harbor Hospitality", "Harvest Foods");
      String plan = db.explain(db.takeStatements().getFirst());
      assertKeysetIsAnIndexCondition(plan, "word");
      assertThat(clients.findByWords(tenant, SearchWords.of("grace har"), 5)).extracting(c -> c.details().name())
          .containsExactly("Harbor Hospitality");
      assertThat(clients.findByWords(tenant, SearchWords.of("buyer@harvest.example"), 5)).hasSize(1);
      assertThat(clients.findByWords(tenant, SearchWords.of("client 7"), 200)).hasSize(110).extracting(Client::details)
          .extracting(d -> d.name()).doesNotContain("Client 7").contains("Client 70", "Client 700");
      assertThat(clients.findByWords(tenant, SearchWords.of("elsewhere"), 5)).isEmpty();
      assertThat(clients.findByWords(tenant, SearchWords.of("c"), 8)).hasSize(8);
    }
  }
}
