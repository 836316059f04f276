package com.orbitcrm.customfields;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A field definition as an admin typed it (the API's body or the settings form); checked by
 * {@link FieldDefinition#define}.
 *
 * @param fieldName blank to derive it from the label (new fields) or keep it (edits).
 * @param defaultValue as form text; a multiselect's values separated by commas.
 */
public record FieldDraft(@Nullable String fieldLabel, @Nullable String fieldName, @Nullable String fieldType,
                         List<Option> options, boolean required, @Nullable String defaultValue, int displayOrder,
                         boolean visible, @Nullable String section) {

  public FieldDraft {
    options = List.copyOf(options);
  }

  /** An option as typed; a blank value is derived from the label, a blank colour is gray. */
  public record Option(@Nullable String value, @Nullable String label, @Nullable String color) {}

  public static FieldDraft of(FieldDefinition d) {
    return new FieldDraft(d.fieldLabel(), d.fieldName(), d.fieldType().key(),
        d.options().stream().map(o -> new Option(o.value(), o.label(), o.color())).toList(), d.required(),
        d.defaultValue() == null ? null : String.join(",", d.defaultValue().items()), d.displayOrder(), d.visible(),
        d.section());
  }
}
