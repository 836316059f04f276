package com.orbitcrm.customfields.jooq;

import static org.orbitcrm.db.jooq.Tables.CRM_CUSTOM_FIELDS;
import static org.orbitcrm.db.jooq.Tables.CRM_CUSTOM_FIELD_VALUES;
import static org.orbitcrm.db.jooq.Tables.LIST_COLUMNS;
import static org.orbitcrm.db.jooq.Tables.TENANTS;

import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.FieldId;
import com.orbitcrm.customfields.FieldOption;
import com.orbitcrm.customfields.FieldType;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.port.CustomFields;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.JSONB;
import org.jooq.Record;
import org.orbitcrm.db.jooq.tables.records.CrmCustomFieldsRecord;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Definitions in {@code crm_custom_fields} (options as [{value, label, color}]); values in
 * {@code crm_custom_field_values}, one row per value (per option of a multiselect) with its sortable key (V16).
 */
@Repository
class JooqCustomFields implements CustomFields {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DSLContext dsl;

  JooqCustomFields(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public List<FieldDefinition> definitions(TenantId tenant, RecordType type) {
    return dsl.selectFrom(CRM_CUSTOM_FIELDS)
        .where(CRM_CUSTOM_FIELDS.TENANT_ID.eq(tenant.value()), CRM_CUSTOM_FIELDS.ENTITY_TYPE.eq(type.key()),
            CRM_CUSTOM_FIELDS.DELETED_AT.isNull())
        .orderBy(CRM_CUSTOM_FIELDS.DISPLAY_ORDER, CRM_CUSTOM_FIELDS.FIELD_LABEL, CRM_CUSTOM_FIELDS.ID)
        .fetch(JooqCustomFields::definition);
  }

  @Override
  public Map<FieldDefinition, java.time.Instant> trashed(TenantId tenant, RecordType type) {
    Map<FieldDefinition, java.time.Instant> out = new LinkedHashMap<>();
    dsl.selectFrom(CRM_CUSTOM_FIELDS)
        .where(CRM_CUSTOM_FIELDS.TENANT_ID.eq(tenant.value()), CRM_CUSTOM_FIELDS.ENTITY_TYPE.eq(type.key()),
            CRM_CUSTOM_FIELDS.DELETED_AT.isNotNull())
        .orderBy(CRM_CUSTOM_FIELDS.DELETED_AT.desc(), CRM_CUSTOM_FIELDS.ID)
        .forEach(r -> out.put(definition(r), r.getDeletedAt().toInstant()));
    return out;
  }

  @Override
  public boolean trash(TenantId tenant, FieldId id, java.time.Instant at) {
    return dsl.update(CRM_CUSTOM_FIELDS)
        .set(CRM_CUSTOM_FIELDS.DELETED_AT, at.atOffset(java.time.ZoneOffset.UTC))
        .where(CRM_CUSTOM_FIELDS.TENANT_ID.eq(tenant.value()), CRM_CUSTOM_FIELDS.ID.eq(id.value()),
            CRM_CUSTOM_FIELDS.DELETED_AT.isNull())
        .execute() == 1;
  }

  @Override
  public boolean restore(TenantId tenant, FieldId id, java.time.Instant since) {
    return dsl.update(CRM_CUSTOM_FIELDS)
        .setNull(CRM_CUSTOM_FIELDS.DELETED_AT)
        .where(CRM_CUSTOM_FIELDS.TENANT_ID.eq(tenant.value()), CRM_CUSTOM_FIELDS.ID.eq(id.value()),
            CRM_CUSTOM_FIELDS.DELETED_AT.ge(since.atOffset(java.time.ZoneOffset.UTC)))
        .execute() == 1;
  }

  @Override
  public int purgeTrashedBefore(TenantId tenant, java.time.Instant cutoff) {
    return dsl.deleteFrom(CRM_CUSTOM_FIELDS)
        .where(CRM_CUSTOM_FIELDS.TENANT_ID.eq(tenant.value()),
            CRM_CUSTOM_FIELDS.DELETED_AT.lt(cutoff.atOffset(java.time.ZoneOffset.UTC)))
        .execute();
  }

  @Override
  public Optional<FieldDefinition> find(TenantId tenant, FieldId id) {
    return dsl.selectFrom(CRM_CUSTOM_FIELDS)
        .where(CRM_CUSTOM_FIELDS.TENANT_ID.eq(tenant.value()), CRM_CUSTOM_FIELDS.ID.eq(id.value()),
            CRM_CUSTOM_FIELDS.DELETED_AT.isNull())
        .fetchOptional(JooqCustomFields::definition);
  }

  @Override
  public boolean nameTaken(TenantId tenant, RecordType type, String name, FieldId except) {
    return dsl.fetchExists(CRM_CUSTOM_FIELDS, CRM_CUSTOM_FIELDS.TENANT_ID.eq(tenant.value()),
        CRM_CUSTOM_FIELDS.ENTITY_TYPE.eq(type.key()), CRM_CUSTOM_FIELDS.FIELD_NAME.eq(name),
        CRM_CUSTOM_FIELDS.ID.ne(except.value()));
  }

  @Override
  public void insert(TenantId tenant, FieldDefinition field) {
    CrmCustomFieldsRecord r = dsl.newRecord(CRM_CUSTOM_FIELDS);
    r.setTenantId(tenant.value());
    r.setId(field.id().value());
    r.setEntityType(field.entityType().key());
    write(r, field);
    dsl.insertInto(CRM_CUSTOM_FIELDS).set(r).execute();
  }

  @Override
  public boolean update(TenantId tenant, FieldDefinition field) {
    CrmCustomFieldsRecord r = dsl.newRecord(CRM_CUSTOM_FIELDS);
    write(r, field);
    return dsl.update(CRM_CUSTOM_FIELDS).set(r)
        .where(CRM_CUSTOM_FIELDS.TENANT_ID.eq(tenant.value()), CRM_CUSTOM_FIELDS.ID.eq(field.id().value()),
            CRM_CUSTOM_FIELDS.VERSION.eq(field.version()), CRM_CUSTOM_FIELDS.DELETED_AT.isNull())
        .execute() == 1;
  }

  private static void write(CrmCustomFieldsRecord r, FieldDefinition f) {
    r.setFieldName(f.fieldName());
    r.setFieldLabel(f.fieldLabel());
    r.setFieldType(f.fieldType().key());
    ArrayNode options = JSON.createArrayNode();
    for (FieldOption o : f.options()) {
      options.addObject().put("value", o.value()).put("label", o.label()).put("color", o.color());
    }
    r.setOptions(JSONB.valueOf(JSON.writeValueAsString(options)));
    r.setIsRequired(f.required());
    r.setDefaultValue(f.defaultValue() == null ? null : JSON.writeValueAsString(f.defaultValue().items()));
    r.setDisplayOrder(f.displayOrder());
    r.setIsVisible(f.visible());
    r.setSection(f.section());
  }

  @Override
  public boolean delete(TenantId tenant, FieldId id) {
    return dsl.deleteFrom(CRM_CUSTOM_FIELDS)
        .where(CRM_CUSTOM_FIELDS.TENANT_ID.eq(tenant.value()), CRM_CUSTOM_FIELDS.ID.eq(id.value()))
        .execute() == 1;
  }

  @Override
  public boolean hasValues(TenantId tenant, FieldId id) {
    return dsl.fetchExists(CRM_CUSTOM_FIELD_VALUES, CRM_CUSTOM_FIELD_VALUES.TENANT_ID.eq(tenant.value()),
        CRM_CUSTOM_FIELD_VALUES.FIELD_ID.eq(id.value()));
  }

  @Override
  public Map<UUID, FieldValue> values(TenantId tenant, FieldDefinition field) {
    var rows = dsl.select(CRM_CUSTOM_FIELD_VALUES.ENTITY_ID, CRM_CUSTOM_FIELD_VALUES.VALUE)
        .from(CRM_CUSTOM_FIELD_VALUES)
        .where(CRM_CUSTOM_FIELD_VALUES.TENANT_ID.eq(tenant.value()), CRM_CUSTOM_FIELD_VALUES.FIELD_ID.eq(field.id().value()))
        .fetchGroups(CRM_CUSTOM_FIELD_VALUES.ENTITY_ID, CRM_CUSTOM_FIELD_VALUES.VALUE);
    Map<UUID, FieldValue> result = new LinkedHashMap<>();
    rows.forEach((entity, items) -> result.put(entity, value(field, items)));
    return result;
  }

  @Override
  public Map<UUID, Map<String, FieldValue>> valuesOf(TenantId tenant, List<FieldDefinition> definitions,
                                                     Collection<UUID> records) {
    if (records.isEmpty() || definitions.isEmpty()) {
      return Map.of();
    }
    Map<UUID, FieldDefinition> byId = definitions.stream()
        .collect(Collectors.toMap(d -> d.id().value(), Function.identity()));
    String type = definitions.getFirst().entityType().key();
    Map<UUID, Map<UUID, List<String>>> rows = new HashMap<>();
    dsl.select(CRM_CUSTOM_FIELD_VALUES.ENTITY_ID, CRM_CUSTOM_FIELD_VALUES.FIELD_ID, CRM_CUSTOM_FIELD_VALUES.VALUE)
        .from(CRM_CUSTOM_FIELD_VALUES)
        .where(CRM_CUSTOM_FIELD_VALUES.TENANT_ID.eq(tenant.value()), CRM_CUSTOM_FIELD_VALUES.ENTITY_TYPE.eq(type),
            // One array parameter rather than one per record: an export asks for 2,000 at a time.
            CRM_CUSTOM_FIELD_VALUES.ENTITY_ID.eq(DSL.any(records.toArray(UUID[]::new))))
        .forEach(r -> rows.computeIfAbsent(r.value1(), k -> new HashMap<>())
            .computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(r.value3()));
    Map<UUID, Map<String, FieldValue>> result = new HashMap<>();
    rows.forEach((record, fields) -> {
      Map<String, FieldValue> values = new LinkedHashMap<>();
      for (FieldDefinition d : definitions) {
        List<String> items = fields.get(d.id().value());
        if (items != null && byId.containsKey(d.id().value())) {
          values.put(d.fieldName(), value(d, items));
        }
      }
      result.put(record, values);
    });
    return result;
  }

  /** Items as stored; a multiselect's in the order of the field's options. */
  private static FieldValue value(FieldDefinition field, List<String> items) {
    if (field.fieldType() != FieldType.MULTISELECT) {
      return new FieldValue(field.fieldType(), List.of(items.getFirst()));
    }
    List<String> ordered = new ArrayList<>();
    field.options().stream().map(FieldOption::value).filter(items::contains).forEach(ordered::add);
    items.stream().filter(i -> !ordered.contains(i)).sorted().forEach(ordered::add);
    return new FieldValue(FieldType.MULTISELECT, ordered);
  }

  /** Rows of values per insert statement: six bind values each, under the 65,535 a statement takes. */
  private static final int VALUES_PER_INSERT = 5_000;

  @Override
  public void writeNew(TenantId tenant, RecordType type, Map<UUID, Map<FieldDefinition, Optional<FieldValue>>> values) {
    var insert = dsl.insertInto(CRM_CUSTOM_FIELD_VALUES, CRM_CUSTOM_FIELD_VALUES.TENANT_ID,
        CRM_CUSTOM_FIELD_VALUES.ENTITY_TYPE, CRM_CUSTOM_FIELD_VALUES.FIELD_ID, CRM_CUSTOM_FIELD_VALUES.ENTITY_ID,
        CRM_CUSTOM_FIELD_VALUES.KEY, CRM_CUSTOM_FIELD_VALUES.VALUE);
    int rows = 0;
    for (var record : values.entrySet()) {
      for (var change : record.getValue().entrySet()) {
        if (change.getValue().isEmpty()) {
          continue;
        }
        FieldValue v = change.getValue().get();
        List<String> keys = v.keys();
        for (int i = 0; i < keys.size(); i++) {
          insert = insert.values(tenant.value(), type.key(), change.getKey().id().value(), record.getKey(), keys.get(i),
              v.items().get(i));
          if (++rows == VALUES_PER_INSERT) {
            insert.execute();
            rows = 0;
            insert = dsl.insertInto(CRM_CUSTOM_FIELD_VALUES, CRM_CUSTOM_FIELD_VALUES.TENANT_ID,
                CRM_CUSTOM_FIELD_VALUES.ENTITY_TYPE, CRM_CUSTOM_FIELD_VALUES.FIELD_ID, CRM_CUSTOM_FIELD_VALUES.ENTITY_ID,
                CRM_CUSTOM_FIELD_VALUES.KEY, CRM_CUSTOM_FIELD_VALUES.VALUE);
          }
        }
      }
    }
    if (rows > 0) {
      insert.execute();
    }
  }

  @Override
  public void write(TenantId tenant, RecordType type, UUID record, Map<FieldDefinition, Optional<FieldValue>> changes) {
    if (changes.isEmpty()) {
      return;
    }
    dsl.deleteFrom(CRM_CUSTOM_FIELD_VALUES)
        .where(CRM_CUSTOM_FIELD_VALUES.TENANT_ID.eq(tenant.value()), CRM_CUSTOM_FIELD_VALUES.ENTITY_TYPE.eq(type.key()),
            CRM_CUSTOM_FIELD_VALUES.ENTITY_ID.eq(record),
            CRM_CUSTOM_FIELD_VALUES.FIELD_ID.in(changes.keySet().stream().map(d -> d.id().value()).toList()))
        .execute();
    var insert = dsl.insertInto(CRM_CUSTOM_FIELD_VALUES, CRM_CUSTOM_FIELD_VALUES.TENANT_ID,
        CRM_CUSTOM_FIELD_VALUES.ENTITY_TYPE, CRM_CUSTOM_FIELD_VALUES.FIELD_ID, CRM_CUSTOM_FIELD_VALUES.ENTITY_ID,
        CRM_CUSTOM_FIELD_VALUES.KEY, CRM_CUSTOM_FIELD_VALUES.VALUE);
    boolean any = false;
    for (var change : changes.entrySet()) {
      if (change.getValue().isEmpty()) {
        continue;
      }
      FieldValue v = change.getValue().get();
      List<String> keys = v.keys();
      for (int i = 0; i < keys.size(); i++) {
        insert = insert.values(tenant.value(), type.key(), change.getKey().id().value(), record, keys.get(i),
            v.items().get(i));
        any = true;
      }
    }
    if (any) {
      insert.execute();
    }
  }

  @Override
  public void removeValues(TenantId tenant, RecordType type, Collection<UUID> records) {
    if (records.isEmpty()) {
      return;
    }
    dsl.deleteFrom(CRM_CUSTOM_FIELD_VALUES)
        .where(CRM_CUSTOM_FIELD_VALUES.TENANT_ID.eq(tenant.value()), CRM_CUSTOM_FIELD_VALUES.ENTITY_TYPE.eq(type.key()),
            CRM_CUSTOM_FIELD_VALUES.ENTITY_ID.in(records))
        .execute();
  }

  @Override
  public List<String> columns(TenantId tenant, UserId user, String list) {
    return dsl.select(LIST_COLUMNS.COLUMNS).from(LIST_COLUMNS)
        .where(LIST_COLUMNS.TENANT_ID.eq(tenant.value()), LIST_COLUMNS.USER_ID.eq(user.value()),
            LIST_COLUMNS.LIST.eq(list))
        .fetchOptional(LIST_COLUMNS.COLUMNS)
        .map(List::of)
        .orElse(List.of());
  }

  @Override
  public void saveColumns(TenantId tenant, UserId user, String list, List<String> fieldNames) {
    String[] columns = fieldNames.toArray(String[]::new);
    dsl.insertInto(LIST_COLUMNS)
        .set(LIST_COLUMNS.TENANT_ID, tenant.value())
        .set(LIST_COLUMNS.USER_ID, user.value())
        .set(LIST_COLUMNS.LIST, list)
        .set(LIST_COLUMNS.COLUMNS, columns)
        .onConflict(LIST_COLUMNS.TENANT_ID, LIST_COLUMNS.USER_ID, LIST_COLUMNS.LIST)
        .doUpdate()
        .set(LIST_COLUMNS.COLUMNS, columns)
        .set(LIST_COLUMNS.UPDATED_AT, java.time.OffsetDateTime.now())
        .execute();
  }

  @Override
  public void setPhoneRegion(TenantId tenant, String region) {
    dsl.update(TENANTS).set(TENANTS.PHONE_REGION, region).where(TENANTS.ID.eq(tenant.value())).execute();
  }

  @Override
  public String phoneRegion(TenantId tenant) {
    return dsl.select(TENANTS.PHONE_REGION).from(TENANTS).where(TENANTS.ID.eq(tenant.value()))
        .fetchOptional(TENANTS.PHONE_REGION).orElse("US");
  }

  private static FieldDefinition definition(Record rec) {
    CrmCustomFieldsRecord r = rec.into(CRM_CUSTOM_FIELDS);
    FieldType type = FieldType.fromKey(r.getFieldType())
        .orElseThrow(() -> new IllegalStateException("field type " + r.getFieldType()));
    List<FieldOption> options = new ArrayList<>();
    for (JsonNode o : JSON.readTree(r.getOptions().data())) {
      String value = o.path("value").asString("");
      options.add(new FieldOption(value, o.path("label").asString(value), o.path("color").asString("gray")));
    }
    FieldValue defaultValue = null;
    if (r.getDefaultValue() != null) {
      List<String> items = new ArrayList<>();
      JSON.readTree(r.getDefaultValue()).forEach(n -> items.add(n.asString()));
      defaultValue = new FieldValue(type, items);
    }
    return new FieldDefinition(new FieldId(r.getId()), new RecordType(r.getEntityType()), r.getFieldName(),
        r.getFieldLabel(), type, options, r.getIsRequired(), defaultValue, r.getDisplayOrder(), r.getIsVisible(),
        r.getSection(), r.getVersion());
  }
}
