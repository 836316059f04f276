package com.orbitcrm.customfields.web;

import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.RawValue;
import com.orbitcrm.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The {@code customFields} member of a record's JSON: typed values in (a string, a number, a boolean, an
 * array of strings, null), typed values out. Which value fits which field is the domain's rule; this only
 * tells the JSON shapes apart.
 */
public final class CustomFieldsJson {

  private CustomFieldsJson() {}

  /** The {@code customFields} of a body, by field name; none when the body has no such member. */
  public static Map<String, RawValue> read(JsonNode body) {
    if (!body.isObject() || !body.has("customFields") || body.get("customFields").isNull()) {
      return Map.of();
    }
    JsonNode fields = body.get("customFields");
    if (!fields.isObject()) {
      throw InvalidInputException.of("customFields", "must be an object of field names and values");
    }
    Map<String, RawValue> values = new LinkedHashMap<>();
    for (var e : fields.properties()) {
      values.put(e.getKey(), raw(e.getValue()));
    }
    return values;
  }

  static RawValue raw(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return RawValue.EMPTY;
    }
    if (v.isString()) {
      return new RawValue.Text(v.asString());
    }
    if (v.isNumber()) {
      return v.isFloatingPointNumber() && !v.isBigDecimal() && !Double.isFinite(v.doubleValue())
          ? new RawValue.Other("number") : new RawValue.Number(v.decimalValue());
    }
    if (v.isBoolean()) {
      return new RawValue.Bool(v.booleanValue());
    }
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : v) {
        items.add(item.isString() ? item.asString() : null);
      }
      return new RawValue.Items(items);
    }
    return new RawValue.Other("object");
  }

  /** A record's values as JSON: numbers, booleans, arrays and strings, by field name in name order. */
  public static Map<String, Object> write(Map<String, FieldValue> values) {
    Map<String, Object> json = new TreeMap<>();
    values.forEach((name, value) -> json.put(name, value.typed()));
    return json;
  }
}
