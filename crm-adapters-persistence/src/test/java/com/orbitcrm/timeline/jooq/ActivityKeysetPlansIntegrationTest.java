package com.orbitcrm.timeline.jooq;

import static com.orbitcrm.testing.Plans.assertKeysetIsAnIndexCondition;
import static com.orbitcrm.testing.Plans.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.AppRoleDatabase;
import com.orbitcrm.testing.Plans;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityDetails;
import com.orbitcrm.timeline.ActivityDraft;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An old page of a long timeline is an index range under row-level security (EXPLAINed as the app role). */
class ActivityKeysetPlansIntegrationTest {

  @Test
  void anOlderPageOfATimelineIsAnIndexRangeOnCreationTime() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    var record = new RecordRef(new RecordType("client"), UUID.randomUUID());
    try (var db = AppRoleDatabase.in(tenant)) {
      var activities = new JooqActivities(db.dsl());
      for (int i = 0; i < 2000; i++) {
        var details = ActivityDetails.from(new ActivityDraft("note", "Entry " + i, null, null, null, null, null, null,
            null, null, null, List.of()));
        activities.insert(new Activity(UUID.randomUUID(), tenant, record, details, Map.of(),
            Activity.EmailTracking.NONE, null, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L)));
      }
    }
    Plans.analyze("crm_activities");
    try (var db = AppRoleDatabase.in(tenant)) {
      db.execute("set local enable_seqscan = off");
      var activities = new JooqActivities(db.dsl());
      // The smallest id: the entry made at exactly 05:00 sorts after the cursor, so the page starts before it
      // (a random id made this test fail whenever that entry's id happened to be smaller).
      var cursor = new CreatedCursor(Instant.parse("2026-01-01T05:00:00Z"), new UUID(0, 0));
      var page = activities.page(tenant, record, null, cursor, 20);
      assertThat(page.items()).hasSize(20);
      assertThat(page.items().getFirst().createdAt()).isBefore(cursor.createdAt());
      assertKeysetIsAnIndexCondition(db.explain(single(db.takeStatements())), "created_at");
    }
  }
}
