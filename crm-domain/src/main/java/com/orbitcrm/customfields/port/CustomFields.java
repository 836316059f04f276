package com.orbitcrm.customfields.port;

import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.FieldId;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Field definitions and the values records hold (one store: rows with a sortable text key). */
public interface CustomFields {

  /** A record type's fields in display order. */
  List<FieldDefinition> definitions(TenantId tenant, RecordType type);

  Optional<FieldDefinition> find(TenantId tenant, FieldId id);

  /** Whether another field of {@code type} than {@code except} is called {@code name}. */
  boolean nameTaken(TenantId tenant, RecordType type, String name, FieldId except);

  void insert(TenantId tenant, FieldDefinition field);

  /** Saves {@code field} if its version is still the stored one; the version then goes up by one. */
  boolean update(TenantId tenant, FieldDefinition field);

  /** Deletes the field and its values. */
  boolean delete(TenantId tenant, FieldId id);

  boolean hasValues(TenantId tenant, FieldId id);

  /** Every record's value of {@code field}, by record id. */
  Map<UUID, FieldValue> values(TenantId tenant, FieldDefinition field);

  /** The values of {@code records}, by record and field name (fields of {@code definitions} only). */
  Map<UUID, Map<String, FieldValue>> valuesOf(TenantId tenant, List<FieldDefinition> definitions,
                                              Collection<UUID> records);

  /** Replaces the record's value of each field named: a value to store, or empty to remove. */
  void write(TenantId tenant, RecordType type, UUID record, Map<FieldDefinition, Optional<FieldValue>> changes);

  /** Removes every value of these records (they were purged). */
  void removeValues(TenantId tenant, RecordType type, Collection<UUID> records);

  /** The custom-field columns (field names, in order) a user chose for a list; empty when none were chosen. */
  List<String> columns(TenantId tenant, UserId user, String list);

  /** Remembers a user's columns for a list. */
  void saveColumns(TenantId tenant, UserId user, String list, List<String> fieldNames);

  /** The country whose national phone numbers the workspace types without a country code. */
  String phoneRegion(TenantId tenant);
}
