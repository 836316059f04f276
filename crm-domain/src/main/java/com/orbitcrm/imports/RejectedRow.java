package com.orbitcrm.imports;

import java.util.List;

/**
 * A row an import refused: its line in the file (of its first line, for a row holding line breaks), the
 * reason (every problem, {@code field: message; …}), and its cells as they were.
 */
public record RejectedRow(long line, String reason, List<String> fields) {
  public RejectedRow {
    fields = List.copyOf(fields);
  }
}
