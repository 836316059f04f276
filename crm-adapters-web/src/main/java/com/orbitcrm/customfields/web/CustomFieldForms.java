package com.orbitcrm.customfields.web;

import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.FieldOption;
import com.orbitcrm.customfields.FieldType;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.RawValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Custom fields in record forms: the inputs to show (in their sections and order, the right input per type) and
 * what a submitted form says. Each rendered field also sends {@code cf-present=<name>}, so that an unticked
 * checkbox or an empty multiselect means "no value" rather than "left out".
 */
public final class CustomFieldForms {

  private CustomFieldForms() {}

  /** One input as the template draws it. {@code value}: the text shown; {@code chosen}: ticked options. */
  public record Input(String name, String label, String type, String inputType, boolean required,
                      List<FieldOption> options, String value, List<String> chosen, @Nullable String section,
                      @Nullable String error) {

    public String id() {
      return "cf-" + name;
    }

    public String inputName() {
      return "cf." + name;
    }

    public boolean checked() {
      return "true".equals(value) || "on".equals(value);
    }
  }

  /** A section of a form's inputs. */
  public record Group(@Nullable String section, List<Input> inputs) {}

  /** The values of a record for reading, with the option labels and colours of select types. */
  public record Shown(String label, String text, List<FieldOption> chips, String type) {}

  /**
   * The inputs of {@code definitions} (visible ones; only the required ones when {@code requiredOnly}), filled
   * from what was submitted if anything, else from the record's values, else from defaults (new records).
   */
  public static List<Group> inputs(List<FieldDefinition> definitions, Map<String, FieldValue> values,
                                   @Nullable Map<String, String[]> submitted, Map<String, String> errors,
                                   boolean requiredOnly, boolean creating) {
    Map<String, List<Input>> bySection = new LinkedHashMap<>();
    for (FieldDefinition d : definitions) {
      if (requiredOnly ? !d.required() : !d.visible() && !d.required()) {
        continue;
      }
      List<String> items;
      if (submitted != null && submitted.containsKey("cf-present")
          && Arrays.asList(submitted.get("cf-present")).contains(d.fieldName())) {
        String[] sent = submitted.get("cf." + d.fieldName());
        items = sent == null ? List.of() : Arrays.asList(sent);
      } else if (values.containsKey(d.fieldName())) {
        items = values.get(d.fieldName()).items();
      } else if (creating && d.defaultValue() != null) {
        items = d.defaultValue().items();
      } else {
        items = List.of();
      }
      String value = d.fieldType() == FieldType.MULTISELECT || items.isEmpty() ? "" : items.getFirst();
      var input = new Input(d.fieldName(), d.fieldLabel(), d.fieldType().key(), inputType(d.fieldType()), d.required(),
          d.options(), value, items, d.section(), errors.get(d.path()));
      bySection.computeIfAbsent(Objects.requireNonNullElse(d.section(), ""), k -> new ArrayList<>()).add(input);
    }
    List<Group> groups = new ArrayList<>();
    bySection.forEach((section, inputs) -> groups.add(new Group(section.isEmpty() ? null : section, inputs)));
    return groups;
  }

  /** The values for a record page: visible fields with a value, in order. */
  public static List<Shown> shown(List<FieldDefinition> definitions, Map<String, FieldValue> values) {
    List<Shown> out = new ArrayList<>();
    for (FieldDefinition d : definitions) {
      FieldValue v = values.get(d.fieldName());
      if (v == null || !d.visible()) {
        continue;
      }
      List<FieldOption> chips = d.fieldType().hasOptions()
          ? v.items().stream().map(i -> Objects.requireNonNullElse(d.option(i), new FieldOption(i, i, "gray"))).toList()
          : List.of();
      String text = d.fieldType() == FieldType.BOOLEAN ? ("true".equals(v.text()) ? "Yes" : "No") : v.text();
      out.add(new Shown(d.fieldLabel(), text, chips, d.fieldType().key()));
    }
    return out;
  }

  /** What a submitted form says about the fields it showed (see the class comment). */
  public static Map<String, RawValue> read(HttpServletRequest request, List<FieldDefinition> definitions) {
    String[] present = request.getParameterValues("cf-present");
    if (present == null) {
      return Map.of();
    }
    List<String> shown = Arrays.asList(present);
    Map<String, RawValue> values = new LinkedHashMap<>();
    for (FieldDefinition d : definitions) {
      if (!shown.contains(d.fieldName())) {
        continue;
      }
      String[] sent = request.getParameterValues("cf." + d.fieldName());
      values.put(d.fieldName(), switch (d.fieldType()) {
        case MULTISELECT -> sent == null || sent.length == 0 ? RawValue.EMPTY : new RawValue.Items(Arrays.asList(sent));
        case BOOLEAN -> new RawValue.Input(sent != null && sent.length > 0 ? sent[0] : "false");
        default -> sent == null || sent.length == 0 ? RawValue.EMPTY : RawValue.input(sent[0]);
      });
    }
    return values;
  }

  private static String inputType(FieldType type) {
    return switch (type) {
      case NUMBER -> "text";
      case DATE -> "date";
      case URL -> "url";
      case EMAIL -> "email";
      case PHONE -> "tel";
      default -> "text";
    };
  }
}
