package com.orbitcrm.deals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A deal's editable fields as typed (a form, a JSON body), unchecked; {@link DealDetails#from} checks
 * them. Stage, probability and lost reason are not here: they change through the stage machine.
 */
public record DealDraft(Map<String, @Nullable String> values) {

  /** The API names of the editable fields. */
  public static final List<String> FIELDS = List.of("name", "description", "value", "currency", "clientId",
      "contactName", "contactEmail", "contactPhone", "expectedCloseDate", "ownerId", "source");

  public DealDraft {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  public static DealDraft empty() {
    return new DealDraft(Map.of());
  }

  public @Nullable String get(String field) {
    return values.get(field);
  }

  public DealDraft with(String field, @Nullable String value) {
    if (!FIELDS.contains(field)) {
      throw new IllegalArgumentException("not an editable deal field: " + field);
    }
    var copy = new java.util.LinkedHashMap<>(values);
    copy.put(field, value);
    return new DealDraft(copy);
  }

  public static DealDraft of(DealDetails d) {
    Function<Object, String> text = o -> o == null ? null : o.toString();
    var map = new java.util.LinkedHashMap<String, @Nullable String>();
    map.put("name", d.name());
    map.put("description", d.description());
    map.put("value", d.value().amount().toPlainString());
    map.put("currency", d.currency());
    map.put("clientId", text.apply(d.clientId()));
    map.put("contactName", d.contactName());
    map.put("contactEmail", d.contactEmail());
    map.put("contactPhone", d.contactPhone());
    map.put("expectedCloseDate", text.apply(d.expectedCloseDate()));
    map.put("ownerId", text.apply(d.ownerId()));
    map.put("source", d.source());
    return new DealDraft(map);
  }
}
