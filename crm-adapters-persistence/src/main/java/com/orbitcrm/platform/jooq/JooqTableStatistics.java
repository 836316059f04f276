package com.orbitcrm.platform.jooq;

import com.orbitcrm.platform.TableStatistics;
import java.util.Collection;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * {@link TableStatistics} through {@code orbit_analyze} (V23), which runs ANALYZE as the schema's owner on an
 * allowed list of tables: the application role may not analyze tables it does not own.
 */
@Component
class JooqTableStatistics implements TableStatistics {

  private final DSLContext dsl;

  JooqTableStatistics(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public void refresh(Collection<String> tables) {
    if (!tables.isEmpty()) {
      dsl.execute("select orbit_analyze({0})", DSL.val(tables.toArray(String[]::new), SQLDataType.VARCHAR.array()));
    }
  }
}
