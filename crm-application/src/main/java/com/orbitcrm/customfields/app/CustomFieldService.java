package com.orbitcrm.customfields.app;

import com.orbitcrm.customfields.CustomValues;
import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.FieldDraft;
import com.orbitcrm.customfields.FieldId;
import com.orbitcrm.customfields.FieldOption;
import com.orbitcrm.customfields.FieldRules;
import com.orbitcrm.customfields.FieldType;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.RawValue;
import com.orbitcrm.customfields.ValueFilter;
import com.orbitcrm.customfields.port.CustomFields;
import com.orbitcrm.customfields.port.PhoneNumbers;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.ExpiringTrash;
import com.orbitcrm.platform.RestoreWindow;
import java.time.Clock;
import java.time.Instant;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom fields of the current workspace: everyone reads the definitions, admins define, change, reorder and
 * delete them; the modules that own records check and store their records' values through here, inside their
 * own transaction (a record and its values are written together or not at all).
 */
@Service
public class CustomFieldService implements ExpiringTrash {

  /** The record types that have custom fields. */
  public static final Set<String> RECORD_TYPES = Set.of("client", "deal");

  private final CustomFields fields;
  private final PhoneNumbers phones;
  private final Clock clock;

  public CustomFieldService(CustomFields fields, PhoneNumbers phones, Clock clock) {
    this.fields = fields;
    this.phones = phones;
    this.clock = clock;
  }

  /** A record type with custom fields, from a request: anything else is a 400 on {@code field}. */
  public static RecordType recordType(@Nullable String raw, String field) {
    if (raw == null || !RECORD_TYPES.contains(raw)) {
      throw InvalidInputException.of(field, "must be client or deal");
    }
    return new RecordType(raw);
  }

  @Transactional(readOnly = true)
  public List<FieldDefinition> definitions(RecordType type) {
    return fields.definitions(TenantContext.require().tenant(), type);
  }

  @Transactional(readOnly = true)
  public FieldDefinition get(FieldId id) {
    return fields.find(TenantContext.require().tenant(), id).orElseThrow(() -> new NotFoundException("Custom field"));
  }

  @Transactional
  public FieldDefinition create(RecordType type, FieldDraft draft) {
    var tenant = TenantContext.requireAdmin().tenant();
    var id = new FieldId(UUID.randomUUID());
    FieldDefinition field = FieldDefinition.define(id, type, draft, null, false, phones, fields.phoneRegion(tenant));
    if (fields.nameTaken(tenant, type, field.fieldName(), id)) {
      throw InvalidInputException.of("fieldName", "is already the name of another " + type.key() + " field");
    }
    fields.insert(tenant, field);
    return get(id);
  }

  /**
   * Saves an admin's changes. The name stays once values exist; a new type is allowed only when every stored
   * value converts (else 400 naming the values that would not), and the values are then rewritten in their new
   * form. Removing options that records use is refused (400 on {@code options}, saying how many records use
   * which) unless {@code clearRemovedOptions}: those records then lose the removed options (a select its value,
   * a multiselect those items, and its value when none is left).
   */
  @Transactional
  public FieldDefinition update(FieldId id, @Nullable Integer expectedVersion, FieldDraft draft) {
    return update(id, expectedVersion, draft, false);
  }

  @Transactional
  public FieldDefinition update(FieldId id, @Nullable Integer expectedVersion, FieldDraft draft,
                                boolean clearRemovedOptions) {
    var tenant = TenantContext.requireAdmin().tenant();
    FieldDefinition current = get(id);
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new ConflictException("This field was changed by someone else: reload it and try again");
    }
    String region = fields.phoneRegion(tenant);
    boolean hasValues = fields.hasValues(tenant, id);
    FieldDefinition changed = FieldDefinition.define(id, current.entityType(), draft, current, hasValues, phones, region);
    if (fields.nameTaken(tenant, current.entityType(), changed.fieldName(), id)) {
      throw InvalidInputException.of("fieldName", "is already the name of another " + current.entityType().key() + " field");
    }
    boolean retyped = changed.fieldType() != current.fieldType();
    boolean reshaped = retyped || !changed.options().stream().map(FieldOption::value).toList()
        .containsAll(current.options().stream().map(FieldOption::value).toList());
    Map<UUID, FieldValue> stored = hasValues && reshaped ? fields.values(tenant, current) : Map.of();
    Map<UUID, Optional<FieldValue>> rewritten = new LinkedHashMap<>();
    if (!stored.isEmpty() && retyped) {
      var lost = CustomValues.unconvertible(changed, List.copyOf(stored.values()), phones, region);
      if (!lost.isEmpty()) {
        throw InvalidInputException.of("fieldType",
            "these stored values would not fit: " + String.join("; ", lost.stream().limit(10).toList())
                + (lost.size() > 10 ? " and " + (lost.size() - 10) + " more" : ""));
      }
      stored.forEach((record, value) -> rewritten.put(record,
          FieldRules.convert(value, changed.fieldType(), changed.options(), phones, region)));
    } else if (!stored.isEmpty()) {
      var kept = changed.options().stream().map(FieldOption::value).toList();
      Map<String, Integer> inUse = new java.util.TreeMap<>();
      stored.forEach((record, value) -> {
        List<String> left = value.items().stream().filter(kept::contains).toList();
        value.items().stream().filter(i -> !kept.contains(i)).forEach(i -> inUse.merge(i, 1, Integer::sum));
        if (left.size() != value.items().size()) {
          rewritten.put(record, left.isEmpty() ? Optional.empty()
              : Optional.of(new FieldValue(changed.fieldType(), left)));
        }
      });
      if (!inUse.isEmpty() && !clearRemovedOptions) {
        throw InvalidInputException.of("options", inUseMessage(inUse)
            + " — clear those values and remove the option" + (inUse.size() > 1 ? "s" : "") + "?");
      }
    }
    if (!fields.update(tenant, changed)) {
      throw new ConflictException("This field was changed by someone else: reload it and try again");
    }
    rewritten.forEach((record, value) -> fields.write(tenant, current.entityType(), record, Map.of(changed, value)));
    return get(id);
  }

  /** "3 records use 'gold'; 1 record uses 'tin'". */
  static String inUseMessage(Map<String, Integer> inUse) {
    List<String> parts = new ArrayList<>();
    inUse.forEach((option, n) -> parts.add(n + (n == 1 ? " record uses '" : " records use '") + option + "'"));
    return String.join("; ", parts);
  }

  /** The field {@code draft} would define (for a live preview; admins); nothing is stored. */
  @Transactional(readOnly = true)
  public FieldDefinition preview(RecordType type, FieldDraft draft) {
    var tenant = TenantContext.requireAdmin().tenant();
    FieldDefinition field = FieldDefinition.define(new FieldId(UUID.randomUUID()), type, draft, null, false, phones,
        fields.phoneRegion(tenant));
    return field.visible() ? field : FieldDefinition.define(new FieldId(UUID.randomUUID()), type,
        new FieldDraft(draft.fieldLabel(), draft.fieldName(), draft.fieldType(), draft.options(), draft.required(),
            draft.defaultValue(), draft.displayOrder(), true, draft.section()), null, false, phones,
        fields.phoneRegion(tenant));
  }

  /**
   * Puts a record type's fields in the order given (a drag and drop): every field of the type exactly once, else
   * a 400 on {@code id} (the page was stale: reload).
   */
  @Transactional
  public List<FieldDefinition> reorder(RecordType type, List<FieldId> order) {
    var tenant = TenantContext.requireAdmin().tenant();
    List<FieldDefinition> all = fields.definitions(tenant, type);
    Map<FieldId, FieldDefinition> byId = new LinkedHashMap<>();
    all.forEach(d -> byId.put(d.id(), d));
    if (order.size() != all.size() || !byId.keySet().equals(Set.copyOf(order))) {
      throw InvalidInputException.of("id", "must name every field of this record type once: reload the page");
    }
    for (int i = 0; i < order.size(); i++) {
      FieldDefinition d = byId.get(order.get(i));
      if (d.displayOrder() != (i + 1) * 10) {
        fields.update(tenant, d.withOrder((i + 1) * 10));
      }
    }
    return fields.definitions(tenant, type);
  }

  /** Moves a field one place up ({@code -1}) or down ({@code +1}) among its record type's fields. */
  @Transactional
  public List<FieldDefinition> move(FieldId id, int step) {
    var tenant = TenantContext.requireAdmin().tenant();
    FieldDefinition field = get(id);
    List<FieldDefinition> all = new ArrayList<>(fields.definitions(tenant, field.entityType()));
    int from = all.indexOf(all.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow());
    int to = Math.max(0, Math.min(all.size() - 1, from + Integer.signum(step)));
    all.add(to, all.remove(from));
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).displayOrder() != (i + 1) * 10) {
        fields.update(tenant, all.get(i).withOrder((i + 1) * 10));
      }
    }
    return fields.definitions(tenant, field.entityType());
  }

  /**
   * Moves the field to the trash with every value of it: from then on it is nowhere (forms, lists, filters, the
   * API) until restored, and its name stays taken until it is purged ({@link RestoreWindow#TRASH}).
   */
  @Transactional
  public void delete(FieldId id) {
    var tenant = TenantContext.requireAdmin().tenant();
    if (!fields.trash(tenant, id, clock.instant())) {
      throw new NotFoundException("Custom field");
    }
  }

  /** A field in the trash, and how many days it can still be restored. */
  public record Trashed(FieldDefinition field, long daysLeft) {}

  /** A record type's fields in the trash that can still be restored (admins). */
  @Transactional(readOnly = true)
  public List<Trashed> trashed(RecordType type) {
    var tenant = TenantContext.requireAdmin().tenant();
    var now = clock.instant();
    List<Trashed> out = new ArrayList<>();
    fields.trashed(tenant, type).forEach((field, at) -> {
      if (at.isAfter(RestoreWindow.TRASH.cutoff(now))) {
        out.add(new Trashed(field, RestoreWindow.TRASH.daysLeft(at, now)));
      }
    });
    return out;
  }

  /** Takes a field out of the trash with its values, while its restore window is open (else 404). */
  @Transactional
  public FieldDefinition restore(FieldId id) {
    var tenant = TenantContext.requireAdmin().tenant();
    if (!fields.restore(tenant, id, RestoreWindow.TRASH.cutoff(clock.instant()))) {
      throw new NotFoundException("Custom field in the trash");
    }
    return get(id);
  }

  /** Deletes for good this workspace's fields whose time in the trash is over, with their values. */
  @Override
  @Transactional
  public int purgeExpired(Instant now) {
    return fields.purgeTrashedBefore(TenantContext.requireTenant(), RestoreWindow.TRASH.cutoff(now));
  }

  /** The country whose national numbers phone fields read without a country code (the workspace's). */
  @Transactional(readOnly = true)
  public String phoneRegion() {
    return fields.phoneRegion(TenantContext.require().tenant());
  }

  /** The regions a workspace can choose, sorted. */
  public List<String> phoneRegions() {
    return phones.regions().stream().sorted().toList();
  }

  /**
   * Sets the workspace's phone region (admins): an ISO 3166 code that libphonenumber knows, else a 400 on
   * {@code phoneRegion}. Stored numbers stay as they are (E.164 carries its country).
   */
  @Transactional
  public String changePhoneRegion(@Nullable String raw) {
    var tenant = TenantContext.requireAdmin().tenant();
    String region = raw == null ? "" : raw.strip().toUpperCase(java.util.Locale.ROOT);
    if (!region.matches("[A-Z]{2}") || !phones.regions().contains(region)) {
      throw InvalidInputException.of("phoneRegion", "must be a country code with a known numbering plan, such as US or DE");
    }
    fields.setPhoneRegion(tenant, region);
    return region;
  }

  // ---- Values, for the modules that own records (inside their transaction) ----------------------

  /**
   * Checks a record's custom-field input against the type's fields.
   *
   * @throws InvalidInputException with {@code customFields.<name>} per problem.
   */
  public Map<FieldDefinition, Optional<FieldValue>> check(RecordType type, Map<String, RawValue> input,
                                                          boolean creating) {
    var tenant = TenantContext.require().tenant();
    List<FieldDefinition> definitions = fields.definitions(tenant, type);
    if (definitions.isEmpty() && input.isEmpty()) {
      return Map.of();
    }
    return CustomValues.check(definitions, input, creating, phones, fields.phoneRegion(tenant));
  }

  /** One record's checked input in a batch: its values, or its problems ({@code customFields.<name>}). */
  public record Checked(Map<FieldDefinition, Optional<FieldValue>> values, List<FieldViolation> problems) {}

  /**
   * As {@link #check}, for many records at once (an import's batch): the definitions are read once, each
   * record's problems are its own.
   */
  public List<Checked> checkAll(RecordType type, List<Map<String, RawValue>> inputs, boolean creating) {
    var tenant = TenantContext.require().tenant();
    List<FieldDefinition> definitions = fields.definitions(tenant, type);
    String region = definitions.isEmpty() ? "" : fields.phoneRegion(tenant);
    List<Checked> out = new java.util.ArrayList<>(inputs.size());
    for (Map<String, RawValue> input : inputs) {
      if (definitions.isEmpty() && input.isEmpty()) {
        out.add(new Checked(Map.of(), List.of()));
        continue;
      }
      try {
        out.add(new Checked(CustomValues.check(definitions, input, creating, phones, region), List.of()));
      } catch (InvalidInputException e) {
        out.add(new Checked(Map.of(), e.violations()));
      }
    }
    return out;
  }

  /** Stores checked changes of one record (see {@link #check}). */
  public void write(RecordType type, UUID record, Map<FieldDefinition, Optional<FieldValue>> changes) {
    fields.write(TenantContext.requireWriter().tenant(), type, record, changes);
  }

  /** Stores the checked values of records just created, all in a few statements (a batch, an import). */
  public void writeNew(RecordType type, Map<UUID, Map<FieldDefinition, Optional<FieldValue>>> values) {
    if (!values.isEmpty()) {
      fields.writeNew(TenantContext.requireWriter().tenant(), type, values);
    }
  }

  /** The values of these records, by record id and field name. */
  @Transactional(readOnly = true)
  public Map<UUID, Map<String, FieldValue>> valuesOf(RecordType type, Collection<UUID> records) {
    var tenant = TenantContext.require().tenant();
    return fields.valuesOf(tenant, fields.definitions(tenant, type), records);
  }

  /** Removes the values of purged records. */
  public void removeValues(RecordType type, Collection<UUID> records) {
    fields.removeValues(TenantContext.requireTenant(), type, records);
  }

  /**
   * The custom-field columns the current user chose for the list of {@code type}'s records: visible fields, in
   * the order chosen (fields deleted or hidden since are left out). None for a caller that is not a user.
   */
  @Transactional(readOnly = true)
  public List<FieldDefinition> columns(RecordType type) {
    var context = TenantContext.require();
    if (context.user() == null) {
      return List.of();
    }
    Map<String, FieldDefinition> byName = new LinkedHashMap<>();
    definitions(type).stream().filter(FieldDefinition::visible).forEach(d -> byName.put(d.fieldName(), d));
    return fields.columns(context.tenant(), context.user(), type.key()).stream()
        .map(byName::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * Remembers the current user's columns for the list of {@code type}'s records.
   *
   * @throws InvalidInputException on {@code columns} naming something that is not a visible field of the type.
   */
  @Transactional
  public void chooseColumns(RecordType type, List<String> names) {
    var context = TenantContext.require();
    if (context.user() == null) {
      return;
    }
    var known = definitions(type).stream().filter(FieldDefinition::visible).map(FieldDefinition::fieldName).toList();
    List<String> chosen = names.stream().distinct().toList();
    if (!known.containsAll(chosen)) {
      throw InvalidInputException.of("columns", "must name fields of this record type");
    }
    fields.saveColumns(context.tenant(), context.user(), type.key(), chosen);
  }

  /**
   * The field a list can be ordered by ({@code sort=cf.<name>}): a field of the record type, not a multiselect
   * (which holds several values, so no one place in an order).
   */
  @Transactional(readOnly = true)
  public Optional<FieldId> sortable(RecordType type, String name) {
    return definitions(type).stream()
        .filter(d -> d.fieldName().equals(name) && d.fieldType() != FieldType.MULTISELECT)
        .map(FieldDefinition::id)
        .findFirst();
  }

  /**
   * List filters from query parameters: {@code cf.<name>=value} (a multiselect matches records holding that
   * option) and, for numbers and dates, {@code cf.<name>.min} / {@code cf.<name>.max}. Parameters not starting
   * with {@code cf.} are ignored.
   *
   * @throws InvalidInputException on an unknown field or a value that does not fit it.
   */
  @Transactional(readOnly = true)
  public List<ValueFilter> filters(RecordType type, Map<String, String> params) {
    Map<String, String> wanted = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      if (k.startsWith("cf.")) {
        wanted.put(k, v);
      }
    });
    if (wanted.isEmpty()) {
      return List.of();
    }
    var tenant = TenantContext.require().tenant();
    String region = fields.phoneRegion(tenant);
    Map<String, FieldDefinition> byName = new LinkedHashMap<>();
    fields.definitions(tenant, type).forEach(d -> byName.put(d.fieldName(), d));
    List<FieldViolation> violations = new ArrayList<>();
    Map<FieldDefinition, FieldValue[]> ranges = new LinkedHashMap<>();
    List<ValueFilter> result = new ArrayList<>();
    for (var e : wanted.entrySet()) {
      String rest = e.getKey().substring(3);
      String bound = rest.endsWith(".min") ? "min" : rest.endsWith(".max") ? "max" : null;
      String name = bound == null ? rest : rest.substring(0, rest.length() - 4);
      FieldDefinition d = byName.get(name);
      String param = e.getKey().length() > 80 ? e.getKey().substring(0, 80) : e.getKey();
      if (d == null) {
        violations.add(new FieldViolation(param, "is not a custom field of this record type"));
        continue;
      }
      if (bound != null && !d.fieldType().ranged()) {
        violations.add(new FieldViolation(param, "ranges are for number and date fields only"));
        continue;
      }
      RawValue raw = d.fieldType() == FieldType.MULTISELECT ? new RawValue.Items(List.of(e.getValue().strip()))
          : RawValue.input(e.getValue());
      var checked = d.check(raw, phones, region);
      if (checked.refused() || checked.value() == null) {
        violations.add(new FieldViolation(param, checked.refused() ? checked.problem() : "needs a value"));
      } else if (bound == null) {
        result.add(ValueFilter.equalTo(d.id(), checked.value()));
      } else {
        ranges.computeIfAbsent(d, k -> new FieldValue[2])[bound.equals("min") ? 0 : 1] = checked.value();
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    ranges.forEach((d, r) -> result.add(ValueFilter.between(d.id(), r[0], r[1])));
    return result;
  }
}
