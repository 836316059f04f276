package com.orbitcrm.imports.app;

import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.FieldType;
import com.orbitcrm.customfields.RawValue;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.imports.ColumnMapping;
import com.orbitcrm.imports.ValueMapping;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A file's row as the record modules take it: the mapped cells as a draft (their rules are the modules' own,
 * applied when the batch is written), owner and stage cells through the {@link ValueMapping}, dates of history,
 * custom fields as typed text (multiselect options split on {@code ;}). What only the file can get wrong —
 * an owner or stage it names that does not exist, a date that is not one — is a problem of the row here.
 */
final class RowReader {

  private final ColumnMapping mapping;
  private final Map<String, FieldDefinition> customFields;
  private final ValueMapping.@Nullable Owners owners;
  private final ValueMapping.@Nullable Stages stages;
  private final ZoneId zone;

  RowReader(ColumnMapping mapping, List<FieldDefinition> definitions, ValueMapping.@Nullable Owners owners,
            ValueMapping.@Nullable Stages stages, ZoneId zone) {
    this.mapping = mapping;
    this.customFields = new LinkedHashMap<>();
    definitions.forEach(d -> customFields.put(d.fieldName(), d));
    this.owners = owners;
    this.stages = stages;
    this.zone = zone;
  }

  @Nullable String cell(List<String> row, String target) {
    String v = mapping.value(row, target);
    return v == null ? null : v.strip();
  }

  /** The mapped cells of a client row; blank cells are left out (an update keeps what they would clear). */
  ClientDraft clientDraft(List<String> row, List<FieldViolation> problems, @Nullable ClientDraft base) {
    ClientDraft draft = base == null ? ClientDraft.empty() : base;
    for (String field : ClientDraft.FIELDS) {
      String v = cell(row, field);
      if (v == null) {
        continue;
      }
      if (field.equals("accountOwnerId")) {
        v = owner(v, field, problems);
        if (v == null) {
          continue;
        }
      }
      draft = draft.with(field, v);
    }
    return draft;
  }

  /** The deal fields of a row (the client is resolved by the caller). */
  DealDraft dealDraft(List<String> row, List<FieldViolation> problems) {
    DealDraft draft = DealDraft.empty();
    for (String field : DealDraft.FIELDS) {
      if (field.equals("clientId")) {
        continue;
      }
      String v = cell(row, field);
      if (v == null) {
        continue;
      }
      if (field.equals("ownerId")) {
        v = owner(v, field, problems);
        if (v == null) {
          continue;
        }
      }
      draft = draft.with(field, v);
    }
    return draft;
  }

  @Nullable String stage(List<String> row, List<FieldViolation> problems) {
    if (stages == null) {
      return null;
    }
    try {
      return stages.of(cell(row, "stage"));
    } catch (IllegalArgumentException e) {
      problems.add(new FieldViolation("stage", e.getMessage()));
      return null;
    }
  }

  @Nullable Integer probability(List<String> row, List<FieldViolation> problems) {
    String v = cell(row, "probability");
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v.endsWith("%") ? v.substring(0, v.length() - 1).strip() : v);
    } catch (NumberFormatException e) {
      problems.add(new FieldViolation("probability", "must be a whole number from 0 to 100"));
      return null;
    }
  }

  /** A moment of history: ISO instant, date-time (in the workspace's zone) or date (its start there). */
  @Nullable Instant instant(List<String> row, String field, List<FieldViolation> problems) {
    String v = cell(row, field);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      // not with an offset
    }
    try {
      return LocalDateTime.parse(v.replace(' ', 'T')).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      // not a local date-time
    }
    try {
      return LocalDate.parse(v).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(new FieldViolation(field, "must be a date such as 2026-03-31 or 2026-03-31T14:00:00Z"));
      return null;
    }
  }

  @Nullable LocalDate date(List<String> row, String field, List<FieldViolation> problems) {
    String v = cell(row, field);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
    } catch (DateTimeParseException e) {
      problems.add(new FieldViolation(field, "must be a date such as 2026-03-31"));
      return null;
    }
  }

  /** The custom-field cells as typed, by field name; blank cells are left out. */
  Map<String, RawValue> customValues(List<String> row) {
    Map<String, RawValue> out = new LinkedHashMap<>();
    mapping.customColumns().forEach((column, name) -> {
      if (column >= row.size() || row.get(column) == null || row.get(column).isBlank()) {
        return;
      }
      String text = row.get(column).strip();
      FieldDefinition def = customFields.get(name);
      if (def != null && def.fieldType() == FieldType.MULTISELECT) {
        out.put(name, new RawValue.Items(Arrays.stream(text.split(";")).map(String::strip)
            .filter(s -> !s.isEmpty()).toList()));
      } else {
        out.put(name, new RawValue.Input(text));
      }
    });
    return out;
  }

  private @Nullable String owner(String value, String field, List<FieldViolation> problems) {
    if (owners == null) {
      return value;
    }
    try {
      UserId id = owners.of(value);
      return id == null ? null : id.value().toString();
    } catch (IllegalArgumentException e) {
      problems.add(new FieldViolation(field, e.getMessage()));
      return null;
    }
  }
}
