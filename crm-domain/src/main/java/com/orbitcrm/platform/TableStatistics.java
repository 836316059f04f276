package com.orbitcrm.platform;

import java.util.Collection;

/**
 * The planner's statistics of the tables a bulk write filled (an import, the demo data), brought up to date at
 * once: until then the planner keeps the estimate of the table before (one row, where there are now 100,000)
 * and picks plans many times slower — and autovacuum, which would catch up in a while, may be off.
 */
public interface TableStatistics {

  /** Analyzes these tables (only tables bulk writes fill; any other name is refused). */
  void refresh(Collection<String> tables);
}
