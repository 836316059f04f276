package com.orbitcrm.customfields.web;

import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.FieldValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The custom-field columns of a record type's CSV export: one per field, headed by its path
 * ({@code customFields.<name>}, what an import maps by itself), each cell the value's {@link FieldValue#csv()}.
 */
public final class CustomFieldsCsv {

  private CustomFieldsCsv() {}

  /** The record's own columns, then one per field. */
  public static List<String> header(List<String> columns, List<FieldDefinition> fields) {
    List<String> header = new ArrayList<>(columns);
    fields.forEach(f -> header.add(f.path()));
    return header;
  }

  /** Appends a record's cells of the fields to {@code row}: empty ({@literal null}) where it has no value. */
  public static void addCells(List<@Nullable String> row, List<FieldDefinition> fields, Map<String, FieldValue> values) {
    for (FieldDefinition f : fields) {
      FieldValue v = values.get(f.fieldName());
      row.add(v == null ? null : v.csv());
    }
  }
}
