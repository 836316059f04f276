package com.orbitcrm.testing;

import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.FieldId;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.customfields.port.CustomFields;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A workspace without custom fields, for the use cases of the modules that own records. */
public final class NoCustomFields implements CustomFields {

  public static CustomFieldService service() {
    return new CustomFieldService(new NoCustomFields(), (raw, region) -> Optional.empty());
  }

  @Override
  public List<FieldDefinition> definitions(TenantId tenant, RecordType type) {
    return List.of();
  }

  @Override
  public Optional<FieldDefinition> find(TenantId tenant, FieldId id) {
    return Optional.empty();
  }

  @Override
  public boolean nameTaken(TenantId tenant, RecordType type, String name, FieldId except) {
    return false;
  }

  @Override
  public void insert(TenantId tenant, FieldDefinition field) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean update(TenantId tenant, FieldDefinition field) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean delete(TenantId tenant, FieldId id) {
    return false;
  }

  @Override
  public boolean hasValues(TenantId tenant, FieldId id) {
    return false;
  }

  @Override
  public Map<UUID, FieldValue> values(TenantId tenant, FieldDefinition field) {
    return Map.of();
  }

  @Override
  public Map<UUID, Map<String, FieldValue>> valuesOf(TenantId tenant, List<FieldDefinition> definitions,
                                                     Collection<UUID> records) {
    return Map.of();
  }

  @Override
  public void write(TenantId tenant, RecordType type, UUID record, Map<FieldDefinition, Optional<FieldValue>> changes) {
    if (!changes.isEmpty()) {
      throw new UnsupportedOperationException();
    }
  }

  @Override
  public void removeValues(TenantId tenant, RecordType type, Collection<UUID> records) {}

  @Override
  public List<String> columns(TenantId tenant, com.orbitcrm.tenancy.UserId user, String list) {
    return List.of();
  }

  @Override
  public void saveColumns(TenantId tenant, com.orbitcrm.tenancy.UserId user, String list, List<String> fieldNames) {
  }

  @Override
  public String phoneRegion(TenantId tenant) {
    return "US";
  }
}
