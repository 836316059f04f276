package com.orbitcrm.deals.jooq;

import static com.orbitcrm.testing.Plans.assertKeysetIsAnIndexCondition;
import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.platform.SearchWords;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.AppRoleDatabase;
import com.orbitcrm.testing.Plans;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The command bar's deal search: V22's deal_search_words, kept by the triggers, read through its index. */
class DealWordSearchIntegrationTest {

  @Test
  void dealsAreFoundByWordPrefixesOfNameAndContactAndLoseTheirWordsInTheTrash() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    UUID pipeline = UUID.randomUUID();
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("insert into pipelines (tenant_id, id, name, is_default) values ('" + tenant + "', '" + pipeline
          + "', 'Sales', true)");
      db.execute("insert into pipeline_stages (tenant_id, pipeline_id, key, label, color, position, probability, kind) "
          + "select '" + tenant + "', '" + pipeline + "', key, label, color, ord, probability, kind "
          + "from orbit_default_stages()");
      db.execute("insert into crm_deals (tenant_id, name, contact_name, pipeline_id, stage, rank) select '" + tenant
          + "', 'Deal ' || g, 'Buyer ' || g, '" + pipeline + "', 'lead', 'a' || lpad(g::text, 5, '0') "
          + "from generate_series(1, 2000) g");
      db.execute("insert into crm_deals (tenant_id, name, contact_name, contact_email, pipeline_id, stage, rank) values ('"
          + tenant + "', 'Kiosk rollout', 'Grace Hopper', 'grace@harbor.example', '" + pipeline + "', 'lead', 'b0')");
    }
    Plans.analyze("crm_deals", "deal_search_words");
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("set local enable_seqscan = off");
      var deals = new JooqDeals(db.dsl());
      assertThat(deals.findByWords(tenant, SearchWords.of("kio"), 5)).extracting(d -> d.details().name())
          .containsExactly("Kiosk rollout");
      assertKeysetIsAnIndexCondition(db.explain(db.takeStatements().getFirst()), "word");
      assertThat(deals.findByWords(tenant, SearchWords.of("grace roll"), 5)).hasSize(1);
      assertThat(deals.findByWords(tenant, SearchWords.of("d"), 5)).hasSize(5);
      db.execute("update crm_deals set name = 'Kiosk pilot' where name = 'Kiosk rollout'");
      assertThat(deals.findByWords(tenant, SearchWords.of("roll"), 5)).isEmpty();
      assertThat(deals.findByWords(tenant, SearchWords.of("pilot"), 5)).hasSize(1);
      db.execute("update crm_deals set deleted_at = now() where name = 'Kiosk pilot'");
      assertThat(deals.findByWords(tenant, SearchWords.of("kiosk"), 5)).isEmpty();
    }
  }
}
