package com.orbitcrm.deals.web;

import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.Probability;
import com.orbitcrm.platform.web.Requests;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The deal form as typed (new deal, edit, one fact edited in place, a stage click), bound from the
 * request's parameters; a field the form did not send is {@literal null} and left as it is.
 */
record DealForm(@Nullable String name, @Nullable String description, @Nullable String value,
                @Nullable String currency, @Nullable String clientId, @Nullable String contactName,
                @Nullable String contactEmail, @Nullable String contactPhone, @Nullable String expectedCloseDate,
                @Nullable String ownerId, @Nullable String source, @Nullable String stage,
                @Nullable String probability, @Nullable String lostReason, @Nullable String version) {

  /** The fields this form sent, applied on {@code base}. */
  DealDraft apply(DealDraft base) {
    DealDraft draft = base;
    for (var e : fields().entrySet()) {
      if (e.getValue() != null) {
        draft = draft.with(e.getKey(), e.getValue());
      }
    }
    return draft;
  }

  /** Only {@code field} of this form, applied on {@code base} (a fact edited in place). */
  DealDraft applyOnly(String field, DealDraft base) {
    String typed = fields().get(field);
    return base.with(field, typed == null ? "" : typed);
  }

  @Nullable Integer probabilityValue() {
    return Probability.parsePercent(probability, "probability");
  }

  @Nullable Integer versionValue() {
    return Requests.version(version);
  }

  /** The form as the template reads it ({@code form['name']}); blanks for what was not sent. */
  Map<String, String> values() {
    var map = new LinkedHashMap<String, String>();
    fields().forEach((k, v) -> map.put(k, v == null ? "" : v));
    map.put("stage", stage == null ? "" : stage);
    map.put("probability", probability == null ? "" : probability);
    map.put("version", version == null ? "" : version);
    return map;
  }

  /** The form of an existing deal, for editing it. */
  static Map<String, String> of(Deal deal) {
    var form = new LinkedHashMap<String, String>();
    DealDraft.of(deal.details()).values().forEach((k, v) -> form.put(k, v == null ? "" : v));
    form.put("probability", String.valueOf(deal.progress().probability().percent()));
    form.put("version", String.valueOf(deal.version()));
    return form;
  }

  private Map<String, @Nullable String> fields() {
    var map = new LinkedHashMap<String, @Nullable String>();
    map.put("name", name);
    map.put("description", description);
    map.put("value", value);
    map.put("currency", currency);
    map.put("clientId", clientId);
    map.put("contactName", contactName);
    map.put("contactEmail", contactEmail);
    map.put("contactPhone", contactPhone);
    map.put("expectedCloseDate", expectedCloseDate);
    map.put("ownerId", ownerId);
    map.put("source", source);
    return map;
  }
}
