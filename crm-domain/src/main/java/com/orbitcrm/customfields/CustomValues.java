package com.orbitcrm.customfields;

import com.orbitcrm.customfields.port.PhoneNumbers;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The custom-field values of one record's create or edit, checked all at once: unknown names, values
 * that do not fit their type, required fields left empty; defaults fill in what a new record omits.
 */
public final class CustomValues {

  private CustomValues() {}

  /**
   * @param input by field name; {@link RawValue.Empty} clears a value.
   * @param creating whether the record is new: defaults apply, and every required field must be there. On
   *     an edit, fields left out keep their values.
   * @return the changes by definition: a value to store, or empty to remove.
   * @throws InvalidInputException with {@code customFields.<name>} for each problem.
   */
  public static Map<FieldDefinition, Optional<FieldValue>> check(List<FieldDefinition> definitions,
                                                                  Map<String, RawValue> input, boolean creating,
                                                                  PhoneNumbers phones, String region) {
    List<FieldViolation> violations = new ArrayList<>();
    Map<String, FieldDefinition> byName = new LinkedHashMap<>();
    definitions.forEach(d -> byName.put(d.fieldName(), d));
    for (String name : input.keySet()) {
      if (!byName.containsKey(name)) {
        violations.add(new FieldViolation("customFields." + (name.length() > 63 ? name.substring(0, 63) : name),
            "is not a custom field of this record type"));
      }
    }
    Map<FieldDefinition, Optional<FieldValue>> changes = new LinkedHashMap<>();
    for (FieldDefinition d : definitions) {
      RawValue raw = input.get(d.fieldName());
      if (raw == null) {
        if (creating) {
          if (d.defaultValue() != null) {
            changes.put(d, Optional.of(d.defaultValue()));
          } else if (d.required()) {
            violations.add(new FieldViolation(d.path(), "is required"));
          }
        }
        continue;
      }
      var checked = d.check(raw, phones, region);
      if (checked.refused()) {
        violations.add(new FieldViolation(d.path(), checked.problem()));
      } else if (checked.value() == null && d.required()) {
        violations.add(new FieldViolation(d.path(), "is required"));
      } else if (checked.value() != null || !creating) {
        changes.put(d, Optional.ofNullable(checked.value()));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return changes;
  }

  /**
   * Which stored values would not survive {@code target} (a new type or fewer options), as their texts:
   * a field may change only when this is empty.
   */
  public static List<String> unconvertible(FieldDefinition target, List<FieldValue> stored, PhoneNumbers phones,
                                           String region) {
    return stored.stream()
        .filter(v -> FieldRules.convert(v, target.fieldType(), target.options(), phones, region).isEmpty())
        .map(FieldValue::text)
        .distinct()
        .sorted()
        .toList();
  }
}
