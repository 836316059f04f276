package com.orbitcrm.clients.jooq;

import static com.orbitcrm.testing.Plans.assertKeysetIsAnIndexCondition;
import static com.orbitcrm.testing.Plans.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.ClientSort;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.AppRoleDatabase;
import com.orbitcrm.testing.Plans;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deep pages of the clients list stay index ranges under row-level security in every sort order: the
 * keys are stored columns ({@code name_key}, {@code spend_key}, {@code created_at}) compared with
 * leakproof operators — EXPLAINed as the application role, on the cursor the page before handed out.
 */
class ClientKeysetPlansIntegrationTest {

  static TenantId tenant;

  @BeforeAll
  static void manyClients() throws Exception {
    tenant = AppRoleDatabase.newWorkspace();
    try (var db = AppRoleDatabase.in(tenant)) {
      var clients = new JooqClients(db.dsl());
      for (int i = 0; i < 3000; i++) {
        var details = ClientDetails.from(ClientDraft.empty().with("name", "Client " + (char) ('A' + i % 26) + i)
            .with("estimatedMonthlySpend", String.valueOf((i * 37) % 5000) + ".5"));
        clients.insert(Client.create(new ClientId(UUID.randomUUID()), tenant, details, null,
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L)));
      }
    }
    Plans.analyze("clients");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"NAME, name_key", "NAME_DESC, name_key", "CREATED, created_at", "CREATED_DESC, created_at",
      "SPEND, spend_key", "SPEND_DESC, spend_key"})
  void aDeepPageIsAnIndexRange(ClientSort sort, String column) throws Exception {
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("set local enable_seqscan = off");
      var clients = new JooqClients(db.dsl());
      var page = clients.find(tenant, new ClientQuery(null, null, null, null, null, sort, null, 50, false));
      for (int i = 0; i < 10; i++) {
        page = clients.find(tenant, new ClientQuery(null, null, null, null, null, sort, page.next(), 50, false));
      }
      assertThat(page.items()).hasSize(50);
      db.takeStatements();
      clients.find(tenant, new ClientQuery(null, null, null, null, null, sort, page.next(), 50, false));
      assertKeysetIsAnIndexCondition(db.explain(single(db.takeStatements())), column);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"NAME", "NAME_DESC", "CREATED_DESC", "SPEND"})
  void anExportReadsEveryClientInChunksInTheListsOrder(ClientSort sort) throws Exception {
    try (var db = AppRoleDatabase.in(tenant)) {
      var clients = new JooqClients(db.dsl());
      List<ClientId> paged = new ArrayList<>();
      var page = clients.find(tenant, new ClientQuery(null, null, null, null, null, sort, null, 200, false));
      paged.addAll(page.items().stream().map(Client::id).toList());
      while (page.next() != null) {
        page = clients.find(tenant, new ClientQuery(null, null, null, null, null, sort, page.next(), 200, false));
        paged.addAll(page.items().stream().map(Client::id).toList());
      }
      List<Integer> chunks = new ArrayList<>();
      List<ClientId> exported = new ArrayList<>();
      clients.each(tenant, new ClientQuery(null, null, null, null, null, sort, null, 50, false), 700, chunk -> {
        chunks.add(chunk.size());
        exported.addAll(chunk.stream().map(Client::id).toList());
      });
      assertThat(paged).hasSize(3000);
      assertThat(exported).containsExactlyElementsOf(paged);
      assertThat(chunks).containsExactly(700, 700, 700, 700, 200);
    }
  }
}
