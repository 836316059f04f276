package com.orbitcrm.imports;

import java.util.Map;

/**
 * What the user chose for an import.
 *
 * @param mapping header → field, for the columns not matched by themselves (see {@link ColumnMapping}).
 * @param values how stage and owner cells become stages and members.
 * @param dedupe clients only: existing clients matched and what to do with them.
 * @param createClients deals only: a client named in a row and not found is created (else the row is refused).
 * @param allOrNothing when any row is refused, write nothing (else the valid rows are imported).
 */
public record ImportSettings(Map<String, String> mapping, ValueMapping values, Dedupe dedupe,
                             boolean createClients, boolean allOrNothing) {

  public static final ImportSettings DEFAULTS = new ImportSettings(Map.of(), ValueMapping.NONE, Dedupe.NONE,
      false, false);

  public ImportSettings {
    mapping = Map.copyOf(mapping);
  }

  public ImportSettings withMapping(Map<String, String> next) {
    return new ImportSettings(next, values, dedupe, createClients, allOrNothing);
  }
}
