package com.orbitcrm.platform.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.AppRoleDatabase;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The application role brings statistics up to date after bulk writes, on the tables those fill and no others. */
class JooqTableStatisticsIntegrationTest {

  @Test
  void theApplicationRoleAnalyzesTheTablesBulkWritesFillAndNoOthers() throws Exception {
    TenantId tenant = AppRoleDatabase.newWorkspace();
    try (var db = AppRoleDatabase.in(tenant)) {
      var statistics = new JooqTableStatistics(db.dsl());
      long before = analyzed(db, "crm_deals");
      statistics.refresh(List.of("clients", "crm_deals"));
      assertThat(analyzed(db, "crm_deals")).isEqualTo(before + 1);
      // Not a table bulk writes fill: refused, whoever asks.
      assertThatThrownBy(() -> statistics.refresh(List.of("users")))
          .hasMessageContaining("users is not a table bulk writes fill");
      db.connection().rollback();
    }
    // On its own the application role may not: PostgreSQL skips the table with a warning.
    try (var db = AppRoleDatabase.in(tenant)) {
      long before = analyzed(db, "crm_deals");
      db.execute("analyze crm_deals");
      assertThat(analyzed(db, "crm_deals")).isEqualTo(before);
      db.connection().rollback();
    }
  }

  /** How many times the table was analyzed by hand (pg_stat counts per database, for any role). */
  private static long analyzed(AppRoleDatabase db, String table) {
    db.dsl().execute("select pg_stat_clear_snapshot()");
    Long count = db.dsl().fetchValue(DSL.field("(select analyze_count from pg_stat_user_tables where relname = {0})",
        Long.class, DSL.val(table)));
    return count == null ? 0 : count;
  }
}
