package com.orbitcrm.imports.web;

import com.orbitcrm.imports.Dedupe;
import com.orbitcrm.imports.ImportSettings;
import com.orbitcrm.imports.ValueMapping;
import com.orbitcrm.platform.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The user's choices for an import as the API and the pages send them: texts and JSON objects of texts. */
final class ImportChoices {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ImportChoices() {}

  static ImportSettings settings(@Nullable String mapping, @Nullable String dedupe, @Nullable String onMatch,
                                 @Nullable String stages, @Nullable String otherStage, @Nullable String owners,
                                 @Nullable String createClients, @Nullable String allOrNothing) {
    Dedupe.By by = blank(dedupe) ? Dedupe.By.NONE : Dedupe.By.fromKey(dedupe.strip()).orElseThrow(() ->
        InvalidInputException.of("dedupe", "must be none, email, companyId or name"));
    Dedupe.OnMatch on = blank(onMatch) ? Dedupe.OnMatch.UPDATE : Dedupe.OnMatch.fromKey(onMatch.strip())
        .orElseThrow(() -> InvalidInputException.of("onMatch", "must be update, skip or create"));
    return new ImportSettings(object("mapping", mapping),
        new ValueMapping(object("stages", stages), blank(otherStage) ? null : otherStage.strip(),
            object("owners", owners)),
        by == Dedupe.By.NONE ? Dedupe.NONE : new Dedupe(by, on), flag(createClients), flag(allOrNothing));
  }

  static boolean flag(@Nullable String raw) {
    return raw != null && (raw.equalsIgnoreCase("true") || raw.equals("on") || raw.equals("1"));
  }

  /** A JSON object of texts (header → field, value → stage, …). */
  static Map<String, String> object(String part, @Nullable String raw) {
    if (blank(raw)) {
      return Map.of();
    }
    JsonNode node;
    try {
      node = JSON.readTree(raw);
    } catch (JacksonException e) {
      throw InvalidInputException.of(part, "must be a JSON object such as {\"Company\": \"name\"}");
    }
    if (node == null || !node.isObject()) {
      throw InvalidInputException.of(part, "must be a JSON object such as {\"Company\": \"name\"}");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : node.properties()) {
      if (!e.getValue().isString() && !e.getValue().isNull()) {
        throw InvalidInputException.of(part + "." + e.getKey(), "must be a text");
      }
      out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString());
    }
    return out;
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
