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
      out.add(shownOf(d, v));
    }
    return out;
  }

  private static Shown shownOf(FieldDefinition d, FieldValue v) {
    List<FieldOption> chips = d.fieldType().hasOptions()
        ? v.items().stream().map(i -> Objects.requireNonNullElse(d.option(i), new FieldOption(i, i, "gray"))).toList()
        : List.of();
    String text = d.fieldType() == FieldType.BOOLEAN ? ("true".equals(v.text()) ? "Yes" : "No") : v.text();
    return new Shown(d.fieldLabel(), text, chips, d.fieldType().key());
  }

  /**
   * One list cell per column, in order: the record's value of that field (select types as chips), or an empty
   * text when it has none.
   */
  public static List<Shown> cells(List<FieldDefinition> columns, Map<String, FieldValue> values) {
    List<Shown> out = new ArrayList<>();
    for (FieldDefinition d : columns) {
      FieldValue v = values.get(d.fieldName());
      if (v == null) {
        out.add(new Shown(d.fieldLabel(), "", List.of(), d.fieldType().key()));
      } else {
        out.add(shownOf(d, v));
      }
    }
    return out;
  }

  /** A custom-field column of a list; {@code sort}: its sort parameter, or null for a multiselect. */
  public record Column(String name, String label, String type, @Nullable String sort) {}

  public static List<Column> columns(List<FieldDefinition> columns) {
    return columns.stream().map(d -> new Column(d.fieldName(), d.fieldLabel(), d.fieldType().key(),
        d.fieldType() == FieldType.MULTISELECT ? null : "cf." + d.fieldName())).toList();
  }

  /** A field the "Columns" menu offers, ticked when shown. */
  public record ColumnChoice(String name, String label, boolean chosen) {}

  public static List<ColumnChoice> columnChoices(List<FieldDefinition> definitions, List<FieldDefinition> chosen) {
    var names = chosen.stream().map(FieldDefinition::fieldName).toList();
    return definitions.stream().filter(FieldDefinition::visible)
        .map(d -> new ColumnChoice(d.fieldName(), d.fieldLabel(), names.contains(d.fieldName()))).toList();
  }

  /**
   * A list filter on a custom field, as the list's filter form draws it: {@code kind} {@code choice} (a select of
   * the options, or yes/no for a boolean: {@code cf.<name>}), {@code range} ({@code cf.<name>.min/.max}) or
   * {@code equals} ({@code cf.<name>}); with the values the list is filtered by now.
   */
  public record FilterInput(String name, String label, String type, String kind, List<FieldOption> options,
                            String value, String min, String max) {
    public String id() {
      return "filter-cf-" + name;
    }

    public String param() {
      return "cf." + name;
    }

    public String inputType() {
      return "date".equals(type) ? "date" : "text";
    }

    public boolean active() {
      return !value.isEmpty() || !min.isEmpty() || !max.isEmpty();
    }
  }

  public static List<FilterInput> filters(List<FieldDefinition> definitions, Map<String, String> current) {
    List<FilterInput> out = new ArrayList<>();
    for (FieldDefinition d : definitions) {
      if (!d.visible()) {
        continue;
      }
      String p = "cf." + d.fieldName();
      List<FieldOption> options = d.fieldType() == FieldType.BOOLEAN
          ? List.of(new FieldOption("true", "Yes", "gray"), new FieldOption("false", "No", "gray"))
          : d.options();
      String kind = d.fieldType().hasOptions() || d.fieldType() == FieldType.BOOLEAN ? "choice"
          : d.fieldType().ranged() ? "range" : "equals";
      out.add(new FilterInput(d.fieldName(), d.fieldLabel(), d.fieldType().key(), kind, options,
          current.getOrDefault(p, ""), current.getOrDefault(p + ".min", ""), current.getOrDefault(p + ".max", "")));
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
