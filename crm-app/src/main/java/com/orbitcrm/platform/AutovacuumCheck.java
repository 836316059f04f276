package com.orbitcrm.platform;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the database does not analyze tables on its own (autovacuum off): then only the
 * application's own refreshes after bulk writes (imports, demo data) keep the planner's statistics true, and
 * anything else that fills a table — a restore, a script — leaves plans that run many times slower, silently
 * (docs/operations.md, "Statistics").
 */
@Component
class AutovacuumCheck {

  private static final Logger log = LoggerFactory.getLogger(AutovacuumCheck.class);
  private final DataSource dataSource;

  AutovacuumCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  void check() {
    try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery("show autovacuum")) {
      if (rs.next() && !"on".equals(rs.getString(1))) {
        log.warn("PostgreSQL runs with autovacuum off: tables are analyzed only after the application's own bulk "
            + "writes (imports, demo data). Run ANALYZE after loading data by other means, or turn autovacuum on "
            + "(docs/operations.md, \"Statistics\").");
      }
    } catch (SQLException e) {
      log.warn("Could not read the database's autovacuum setting: {}", e.getMessage());
    }
  }
}
