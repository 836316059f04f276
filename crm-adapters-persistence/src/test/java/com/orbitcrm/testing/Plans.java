package com.orbitcrm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.orbitcrm.buildtools.TestPostgres;

/**
 * Checks on query plans as the application role. Under row-level security PostgreSQL turns a condition
 * into an index condition only if its operators are leakproof; otherwise it becomes a filter applied
 * after the policy, and a deep page reads every row before it.
 */
public final class Plans {

  private Plans() {}

  /** Fresh statistics (autovacuum may be off), as the owner: the application role may not analyze. */
  public static void analyze(String... tables) throws Exception {
    try (var c = TestPostgres.database().ownerDataSource().getConnection(); var st = c.createStatement()) {
      for (String t : tables) {
        st.execute("analyze " + t);
      }
    }
  }

  /**
   * The keyset condition on {@code column} is part of an {@code Index Cond} of the plan, and of no
   * {@code Filter}.
   */
  public static void assertKeysetIsAnIndexCondition(String plan, String column) {
    List<String> lines = Arrays.stream(plan.split("\n")).map(String::strip).toList();
    assertThat(lines).as("plan:\n%s", plan)
        .anySatisfy(l -> assertThat(l).startsWith("Index Cond:").contains(column).containsPattern("[<>]"));
    assertThat(lines).as("plan:\n%s", plan)
        .noneSatisfy(l -> assertThat(l).startsWith("Filter:").contains(column));
  }

  /** The one statement a call ran (the page query whose plan matters). */
  public static String single(List<String> statements) {
    assertThat(statements).as("statements run").hasSize(1);
    return statements.getFirst();
  }
}
