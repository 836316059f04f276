package com.orbitcrm.customfields;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.customfields.port.PhoneNumbers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A custom field of one record type, with every column of the seed: machine name, label, type, options
 * (select types only), required, default (valid for the type), order, visibility and section.
 */
public record FieldDefinition(FieldId id, RecordType entityType, String fieldName, String fieldLabel,
                              FieldType fieldType, List<FieldOption> options, boolean required,
                              @Nullable FieldValue defaultValue, int displayOrder, boolean visible,
                              @Nullable String section, int version) {

  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  public static final int MAX_LABEL = 255;
  public static final int MAX_SECTION = 100;
  public static final int MAX_OPTIONS = 100;
  public static final int MAX_ORDER = 100_000;

  public FieldDefinition {
    Objects.requireNonNull(id);
    Objects.requireNonNull(entityType);
    Objects.requireNonNull(fieldType);
    options = List.copyOf(options);
    if (!NAME.matcher(fieldName).matches()) {
      throw new IllegalArgumentException("bad field name: " + fieldName);
    }
    if (fieldLabel.isBlank() || fieldLabel.length() > MAX_LABEL) {
      throw new IllegalArgumentException("bad label");
    }
    if (fieldType.hasOptions() == options.isEmpty()) {
      throw new IllegalArgumentException(fieldType.hasOptions() ? "a select needs options" : "only selects have options");
    }
    if (defaultValue != null && defaultValue.type() != fieldType) {
      throw new IllegalArgumentException("default of another type");
    }
  }

  /** Where a field's problems are reported in a record's input: {@code customFields.<name>}. */
  public String path() {
    return "customFields." + fieldName;
  }

  public FieldRules.Checked check(RawValue raw, PhoneNumbers phones, String region) {
    return FieldRules.check(fieldType, options, raw, phones, region);
  }

  public @Nullable FieldOption option(String value) {
    return options.stream().filter(o -> o.value().equals(value)).findFirst().orElse(null);
  }

  /**
   * A definition from what an admin typed.
   *
   * @param current the definition edited, or {@literal null} for a new one.
   * @param hasValues whether records hold values of {@code current}: its name is then fixed.
   * @throws InvalidInputException with every problem, by the draft's field names.
   */
  public static FieldDefinition define(FieldId id, RecordType entityType, FieldDraft draft,
                                       @Nullable FieldDefinition current, boolean hasValues, PhoneNumbers phones,
                                       String region) {
    List<FieldViolation> v = new ArrayList<>();
    String label = draft.fieldLabel() == null ? "" : draft.fieldLabel().strip();
    if (label.isEmpty()) {
      v.add(new FieldViolation("fieldLabel", "is required"));
    } else if (label.length() > MAX_LABEL) {
      v.add(new FieldViolation("fieldLabel", "must be at most " + MAX_LABEL + " characters"));
    } else if (FieldRules.hasControl(label) || label.contains("\n")) {
      v.add(new FieldViolation("fieldLabel", "must not contain control characters"));
    }
    String name = draft.fieldName() == null || draft.fieldName().isBlank() ? null : draft.fieldName().strip();
    if (current != null) {
      if (name != null && !name.equals(current.fieldName()) && hasValues) {
        v.add(new FieldViolation("fieldName", "cannot change once records have values"));
      }
      name = name == null ? current.fieldName() : name;
    } else if (name == null) {
      name = FieldNames.derive(label);
    }
    if (!NAME.matcher(name).matches()) {
      v.add(new FieldViolation("fieldName", "must be lower-case letters, digits and _ (at most 63), starting with a letter"));
    }
    FieldType type = null;
    if (draft.fieldType() == null || draft.fieldType().isBlank()) {
      v.add(new FieldViolation("fieldType", "is required"));
    } else {
      type = FieldType.fromKey(draft.fieldType().strip()).orElse(null);
      if (type == null) {
        v.add(new FieldViolation("fieldType", "must be one of text, number, date, boolean, select, multiselect, url, email, phone"));
      }
    }
    List<FieldOption> options = options(type, draft.options(), v);
    FieldValue defaultValue = null;
    if (type != null && draft.defaultValue() != null && !draft.defaultValue().isBlank() && (options.isEmpty() != type.hasOptions())) {
      RawValue raw = type == FieldType.MULTISELECT
          ? new RawValue.Items(List.of(draft.defaultValue().split("\\s*,\\s*"))) : RawValue.input(draft.defaultValue());
      var checked = FieldRules.check(type, options, raw, phones, region);
      if (checked.refused()) {
        v.add(new FieldViolation("defaultValue", checked.problem()));
      } else {
        defaultValue = checked.value();
      }
    }
    String section = draft.section() == null || draft.section().isBlank() ? null : draft.section().strip();
    if (section != null && (section.length() > MAX_SECTION || FieldRules.hasControl(section) || section.contains("\n"))) {
      v.add(new FieldViolation("section", "must be at most " + MAX_SECTION + " characters of one line"));
    }
    if (draft.displayOrder() < 0 || draft.displayOrder() > MAX_ORDER) {
      v.add(new FieldViolation("displayOrder", "must be 0 to " + MAX_ORDER));
    }
    if (!v.isEmpty()) {
      throw new InvalidInputException(v);
    }
    return new FieldDefinition(id, entityType, name, label, type, options, draft.required(), defaultValue,
        draft.displayOrder(), draft.visible(), section, current == null ? 0 : current.version());
  }

  private static List<FieldOption> options(@Nullable FieldType type, List<FieldDraft.Option> drafts,
                                           List<FieldViolation> v) {
    if (type == null) {
      return List.of();
    }
    if (!type.hasOptions()) {
      if (!drafts.isEmpty()) {
        v.add(new FieldViolation("options", "only select and multiselect fields have options"));
      }
      return List.of();
    }
    if (drafts.isEmpty()) {
      v.add(new FieldViolation("options", "a " + type.key() + " field needs at least one option"));
      return List.of();
    }
    if (drafts.size() > MAX_OPTIONS) {
      v.add(new FieldViolation("options", "must be at most " + MAX_OPTIONS));
      return List.of();
    }
    List<FieldOption> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < drafts.size(); i++) {
      var d = drafts.get(i);
      String field = "options[" + i + "]";
      String label = d.label() == null ? "" : d.label().strip();
      String value = d.value() == null || d.value().isBlank() ? FieldNames.derive(label) : d.value().strip();
      String color = d.color() == null || d.color().isBlank() ? "gray" : d.color().strip();
      if (label.isEmpty()) {
        label = value;
      }
      if (label.isEmpty() || label.length() > FieldOption.MAX_LENGTH || value.length() > FieldOption.MAX_LENGTH
          || FieldRules.hasControl(label) || FieldRules.hasControl(value) || label.contains("\n") || value.contains("\n")) {
        v.add(new FieldViolation(field, "needs a label of 1 to " + FieldOption.MAX_LENGTH + " characters on one line"));
      } else if (value.contains(FieldValue.CSV_SEPARATOR)) {
        v.add(new FieldViolation(field, "needs a value without \"" + FieldValue.CSV_SEPARATOR
            + "\" (it separates the options of a multiselect in CSV files)"));
      } else if (!FieldOption.COLORS.contains(color)) {
        v.add(new FieldViolation(field + ".color", "must be one of " + String.join(", ", FieldOption.COLORS.stream().sorted().toList())));
      } else if (!seen.add(value)) {
        v.add(new FieldViolation(field, "repeats the value " + value));
      } else {
        result.add(new FieldOption(value, label, color));
      }
    }
    return result;
  }

  public FieldDefinition withOrder(int order) {
    return new FieldDefinition(id, entityType, fieldName, fieldLabel, fieldType, options, required, defaultValue,
        order, visible, section, version);
  }
}
