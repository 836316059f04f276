package com.orbitcrm.customfields.web;

import static com.orbitcrm.platform.web.Requests.expectedVersion;
import static com.orbitcrm.platform.web.Requests.integer;
import static com.orbitcrm.platform.web.Requests.rawText;
import static com.orbitcrm.platform.web.Requests.requireObject;

import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.FieldDraft;
import com.orbitcrm.customfields.FieldId;
import com.orbitcrm.customfields.FieldOption;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.platform.web.Requests;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/crm/custom-fields}: the field definitions of clients and deals, with the seed's column names
 * in camelCase. Everyone reads; admins and owners create, change and delete (deleting a field deletes its
 * values).
 */
@RestController
class CustomFieldApiController {

  private final CustomFieldService fields;

  CustomFieldApiController(CustomFieldService fields) {
    this.fields = fields;
  }

  /** One definition as the API shows it. */
  record FieldJson(String id, String entityType, String fieldName, String fieldLabel, String fieldType,
                   List<OptionJson> options, boolean isRequired, @Nullable Object defaultValue, int displayOrder,
                   boolean isVisible, @Nullable String section, int version) {

    static FieldJson of(FieldDefinition d) {
      return new FieldJson(d.id().toString(), d.entityType().key(), d.fieldName(), d.fieldLabel(), d.fieldType().key(),
          d.options().stream().map(OptionJson::of).toList(), d.required(),
          d.defaultValue() == null ? null : d.defaultValue().typed(), d.displayOrder(), d.visible(), d.section(),
          d.version());
    }
  }

  record OptionJson(String value, String label, String color) {
    static OptionJson of(FieldOption o) {
      return new OptionJson(o.value(), o.label(), o.color());
    }
  }

  @GetMapping("/api/crm/custom-fields")
  List<FieldJson> list(@RequestParam(required = false) @Nullable String entityType) {
    List<RecordType> types = entityType == null
        ? CustomFieldService.RECORD_TYPES.stream().sorted().map(RecordType::new).toList()
        : List.of(CustomFieldService.recordType(entityType.strip(), "entityType"));
    return types.stream().flatMap(t -> fields.definitions(t).stream()).map(FieldJson::of).toList();
  }

  @GetMapping("/api/crm/custom-fields/{id}")
  ResponseEntity<FieldJson> get(@PathVariable String id) {
    FieldDefinition d = fields.get(id(id));
    return ResponseEntity.ok().eTag("\"" + d.version() + "\"").body(FieldJson.of(d));
  }

  @PostMapping("/api/crm/custom-fields")
  ResponseEntity<FieldJson> create(@RequestBody JsonNode body) {
    requireObject(body);
    List<FieldViolation> problems = new ArrayList<>();
    RecordType type = null;
    try {
      type = CustomFieldService.recordType(rawText(body, "entityType"), "entityType");
    } catch (InvalidInputException e) {
      problems.addAll(e.violations());
    }
    FieldDraft draft = draft(body, null, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    FieldDefinition d = fields.create(type, draft);
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(d.id().toString());
    return ResponseEntity.created(location).eTag("\"" + d.version() + "\"").body(FieldJson.of(d));
  }

  /** A full replacement of the editable columns; members left out take their defaults, as on create. */
  @PutMapping("/api/crm/custom-fields/{id}")
  ResponseEntity<FieldJson> update(@PathVariable String id, @RequestBody JsonNode body,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                   @RequestParam(required = false) @Nullable String clearRemovedOptions) {
    FieldId fieldId = id(id);
    requireObject(body);
    Integer expected = expectedVersion(ifMatch, body, "field");
    FieldDefinition current = fields.get(fieldId);
    List<FieldViolation> problems = new ArrayList<>();
    String type = rawText(body, "entityType");
    if (type != null && !type.equals(current.entityType().key())) {
      problems.add(new FieldViolation("entityType", "cannot change: create a field of the other record type"));
    }
    FieldDraft draft = draft(body, current, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    FieldDefinition d = fields.update(fieldId, expected, draft, flag(clearRemovedOptions));
    return ResponseEntity.ok().eTag("\"" + d.version() + "\"").body(FieldJson.of(d));
  }

  /** {@code clearRemovedOptions=true} (or absent/false); anything else is a 400 rather than a guess. */
  private static boolean flag(@Nullable String raw) {
    if (raw == null || raw.isBlank() || raw.strip().equalsIgnoreCase("false")) {
      return false;
    }
    if (raw.strip().equalsIgnoreCase("true")) {
      return true;
    }
    throw InvalidInputException.of("clearRemovedOptions", "must be true or false");
  }

  @DeleteMapping("/api/crm/custom-fields/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id) {
    fields.delete(id(id));
  }

  // ---- Helpers ------------------------------------------------------------------------------

  static FieldId id(String raw) {
    return new FieldId(Requests.id(raw, "Custom field"));
  }

  /** The body's columns, each of the right JSON type (else a violation); {@code current} fills in a PUT's gaps. */
  static FieldDraft draft(JsonNode body, @Nullable FieldDefinition current, List<FieldViolation> problems) {
    String label = text(body, "fieldLabel", problems);
    String name = text(body, "fieldName", problems);
    String type = text(body, "fieldType", problems);
    List<FieldDraft.Option> options = options(body, problems);
    boolean required = bool(body, "isRequired", false, problems);
    boolean visible = bool(body, "isVisible", true, problems);
    String section = text(body, "section", problems);
    Integer order = null;
    try {
      order = integer(body, "displayOrder");
    } catch (InvalidInputException e) {
      problems.addAll(e.violations());
    }
    String defaultValue = defaultValue(body, problems);
    return new FieldDraft(label, name, type, options, required, defaultValue,
        order == null ? (current == null ? 0 : current.displayOrder()) : order, visible, section);
  }

  private static @Nullable String text(JsonNode body, String field, List<FieldViolation> problems) {
    try {
      return rawText(body, field);
    } catch (InvalidInputException e) {
      problems.addAll(e.violations());
      return null;
    }
  }

  private static boolean bool(JsonNode body, String field, boolean absent, List<FieldViolation> problems) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return absent;
    }
    if (!v.isBoolean()) {
      problems.add(new FieldViolation(field, "must be true or false"));
      return absent;
    }
    return v.booleanValue();
  }

  private static List<FieldDraft.Option> options(JsonNode body, List<FieldViolation> problems) {
    JsonNode v = body.get("options");
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      problems.add(new FieldViolation("options", "must be an array of {value, label, color}"));
      return List.of();
    }
    List<FieldDraft.Option> options = new ArrayList<>();
    int i = 0;
    for (JsonNode o : v) {
      String at = "options[" + i++ + "]";
      if (o.isString()) {
        options.add(new FieldDraft.Option(null, o.asString(), null));
        continue;
      }
      if (!o.isObject()) {
        problems.add(new FieldViolation(at, "must be an object {value, label, color}"));
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (String member : List.of("value", "label", "color")) {
        JsonNode m = o.get(member);
        if (m != null && !m.isNull() && !m.isString()) {
          problems.add(new FieldViolation(at + "." + member, "must be a string"));
          parts.add(null);
        } else {
          parts.add(m == null || m.isNull() ? null : m.asString());
        }
      }
      options.add(new FieldDraft.Option(parts.get(0), parts.get(1), parts.get(2)));
    }
    return options;
  }

  /** The default as the field's JSON type; kept as text for the domain to check against the type. */
  private static @Nullable String defaultValue(JsonNode body, List<FieldViolation> problems) {
    JsonNode v = body.get("defaultValue");
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isString()) {
      return v.asString();
    }
    if (v.isNumber()) {
      if (v.isFloatingPointNumber() && !v.isBigDecimal() && !Double.isFinite(v.doubleValue())) {
        problems.add(new FieldViolation("defaultValue", "is too large"));
        return null;
      }
      return v.decimalValue().toPlainString();
    }
    if (v.isBoolean()) {
      return String.valueOf(v.booleanValue());
    }
    if (v.isArray() && Stream.iterate(0, i -> i < v.size(), i -> i + 1).allMatch(i -> v.get(i).isString())) {
      List<String> items = new ArrayList<>();
      v.forEach(n -> items.add(n.asString()));
      return String.join(",", items);
    }
    problems.add(new FieldViolation("defaultValue", "must be a string, number, boolean or array of strings"));
    return null;
  }
}
