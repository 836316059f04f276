package com.orbitcrm.meetings.jooq;

import static com.orbitcrm.testing.Plans.assertKeysetIsAnIndexCondition;
import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.platform.SearchWords;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.AppRoleDatabase;
import com.orbitcrm.testing.Plans;
import org.junit.jupiter.api.Test;

/** The command bar's meeting search: words of the title (V22's meeting_search_words) through its index. */
class MeetingWordSearchIntegrationTest {

  @Test
  void meetingsAreFoundByWordPrefixesOfTheirTitle() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("insert into crm_meetings (tenant_id, title, start_time, end_time) select '" + tenant
          + "', 'Meeting ' || g, now() + g * interval '1 hour', now() + g * interval '1 hour' + interval '30 minutes' "
          + "from generate_series(1, 2000) g");
      db.execute("insert into crm_meetings (tenant_id, title, start_time, end_time) values ('" + tenant
          + "', 'Quarterly business review', now(), now() + interval '1 hour')");
    }
    Plans.analyze("crm_meetings", "meeting_search_words");
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("set local enable_seqscan = off");
      var meetings = new JooqMeetings(db.dsl());
      assertThat(meetings.findByWords(tenant, SearchWords.of("quart rev"), 5)).extracting(m -> m.details().title())
          .containsExactly("Quarterly business review");
      assertKeysetIsAnIndexCondition(db.explain(db.takeStatements().getFirst()), "word");
      assertThat(meetings.findByWords(tenant, SearchWords.of("meeting 199"), 20)).hasSize(11);
      db.execute("update crm_meetings set deleted_at = now() where title like 'Quarterly%'");
      assertThat(meetings.findByWords(tenant, SearchWords.of("quarterly"), 5)).isEmpty();
    }
  }
}
