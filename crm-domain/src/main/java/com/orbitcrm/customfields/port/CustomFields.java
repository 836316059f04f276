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

  /** A record type's fields in display order (not those in the trash: they are nowhere until restored). */
  List<FieldDefinition> definitions(TenantId tenant, RecordType type);

  /** A field not in the trash. */
  Optional<FieldDefinition> find(TenantId tenant, FieldId id);

  /** A record type's fields in the trash, with when each went there. */
  Map<FieldDefinition, java.time.Instant> trashed(TenantId tenant, RecordType type);

  /** Moves a field (and so its values) to the trash; false when there is no such field outside it. */
  boolean trash(TenantId tenant, FieldId id, java.time.Instant at);

  /** Takes a field out of the trash if it went there after {@code since}; false otherwise. */
  boolean restore(TenantId tenant, FieldId id, java.time.Instant since);

  /** Deletes for good the fields trashed before {@code cutoff}, with their values; answers how many. */
  int purgeTrashedBefore(TenantId tenant, java.time.Instant cutoff);

  /** Whether another field of {@code type} than {@code except} is called {@code name}. */
  boolean nameTaken(TenantId tenant, RecordType type, String name, FieldId except);

  void insert(TenantId tenant, FieldDefinition field);

  /** Saves {@code field} if its version is still the stored one; the version then goes up by one. */
  boolean update(TenantId tenant, FieldDefinition field);

  /** Deletes the field and its values for good. */
  boolean delete(TenantId tenant, FieldId id);

  boolean hasValues(TenantId tenant, FieldId id);

  /** Every record's value of {@code field}, by record id. */
  Map<UUID, FieldValue> values(TenantId tenant, FieldDefinition field);

  /** The values of {@code records}, by record and field name (fields of {@code definitions} only). */
  Map<UUID, Map<String, FieldValue>> valuesOf(TenantId tenant, List<FieldDefinition> definitions,
                                              Collection<UUID> records);

  /** Replaces the record's value of each field named: a value to store, or empty to remove. */
  void write(TenantId tenant, RecordType type, UUID record, Map<FieldDefinition, Optional<FieldValue>> changes);

  /**
   * The values of records just created (none stored yet), all at once: a batch's records in a few multi-row inserts
   * instead of two statements per record.
   */
  default void writeNew(TenantId tenant, RecordType type, Map<UUID, Map<FieldDefinition, Optional<FieldValue>>> values) {
    values.forEach((record, changes) -> write(tenant, type, record, changes));
  }

  /** Removes every value of these records (they were purged). */
  void removeValues(TenantId tenant, RecordType type, Collection<UUID> records);

  /** The custom-field columns (field names, in order) a user chose for a list; empty when none were chosen. */
  List<String> columns(TenantId tenant, UserId user, String list);

  /** Remembers a user's columns for a list. */
  void saveColumns(TenantId tenant, UserId user, String list, List<String> fieldNames);

  /** Sets the workspace's phone region (a checked ISO 3166 code). */
  void setPhoneRegion(TenantId tenant, String region);

  /** The country whose national phone numbers the workspace types without a country code. */
  String phoneRegion(TenantId tenant);
}
