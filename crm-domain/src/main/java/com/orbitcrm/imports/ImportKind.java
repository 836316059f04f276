package com.orbitcrm.imports;

import com.orbitcrm.platform.RecordType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a file holds: clients or deals. Each kind knows the fields a column may fill (the API's JSON names),
 * the read-only columns an export writes and an import recognises and leaves out, and the headers other
 * tools' exports use for the same fields (matched after {@link #normal(String) normalising}).
 */
public enum ImportKind {

  CLIENTS("clients", new RecordType("client"),
      List.of("name", "contactName", "contactEmail", "contactPhone", "industry", "addressLine1", "addressLine2",
          "city", "state", "zipCode", "estimatedMonthlySpend", "status", "accountOwnerId", "companyId", "createdAt"),
      Set.of("id", "accountOwnerName", "updatedAt"),
      Map.ofEntries(
          Map.entry("company", "name"), Map.entry("companyname", "name"), Map.entry("account", "name"),
          Map.entry("accountname", "name"), Map.entry("client", "name"), Map.entry("clientname", "name"),
          Map.entry("organization", "name"), Map.entry("organisation", "name"),
          Map.entry("contact", "contactName"), Map.entry("fullname", "contactName"),
          Map.entry("primarycontact", "contactName"),
          Map.entry("email", "contactEmail"), Map.entry("emailaddress", "contactEmail"),
          Map.entry("phone", "contactPhone"), Map.entry("phonenumber", "contactPhone"),
          Map.entry("telephone", "contactPhone"), Map.entry("mobile", "contactPhone"),
          Map.entry("address", "addressLine1"), Map.entry("street", "addressLine1"),
          Map.entry("streetaddress", "addressLine1"), Map.entry("address1", "addressLine1"),
          Map.entry("address2", "addressLine2"), Map.entry("town", "city"),
          Map.entry("stateregion", "state"), Map.entry("province", "state"), Map.entry("region", "state"),
          Map.entry("zip", "zipCode"), Map.entry("postalcode", "zipCode"), Map.entry("postcode", "zipCode"),
          Map.entry("monthlyspend", "estimatedMonthlySpend"), Map.entry("spend", "estimatedMonthlySpend"),
          Map.entry("mrr", "estimatedMonthlySpend"),
          Map.entry("owner", "accountOwnerId"), Map.entry("accountowner", "accountOwnerId"),
          Map.entry("companyowner", "accountOwnerId"), Map.entry("owneremail", "accountOwnerId"),
          Map.entry("createdate", "createdAt"), Map.entry("created", "createdAt"),
          Map.entry("createddate", "createdAt"))),

  DEALS("deals", new RecordType("deal"),
      List.of("name", "description", "stage", "value", "currency", "probability", "clientId", "clientName",
          "clientEmail", "clientCompanyId", "contactName", "contactEmail", "contactPhone", "expectedCloseDate",
          "actualCloseDate", "ownerId", "source", "lostReason", "createdAt"),
      Set.of("id", "stageLabel", "weightedValue", "updatedAt"),
      Map.ofEntries(
          Map.entry("dealname", "name"), Map.entry("deal", "name"), Map.entry("title", "name"),
          Map.entry("opportunity", "name"), Map.entry("opportunityname", "name"),
          Map.entry("dealstage", "stage"), Map.entry("pipelinestage", "stage"),
          Map.entry("amount", "value"), Map.entry("dealvalue", "value"), Map.entry("dealamount", "value"),
          Map.entry("dealcurrency", "currency"), Map.entry("currencycode", "currency"),
          Map.entry("dealprobability", "probability"),
          Map.entry("closedate", "expectedCloseDate"), Map.entry("expectedclose", "expectedCloseDate"),
          Map.entry("closeddate", "actualCloseDate"), Map.entry("dateclosed", "actualCloseDate"),
          Map.entry("createdate", "createdAt"), Map.entry("created", "createdAt"),
          Map.entry("createddate", "createdAt"),
          Map.entry("dealowner", "ownerId"), Map.entry("owner", "ownerId"), Map.entry("owneremail", "ownerId"),
          Map.entry("closedlostreason", "lostReason"), Map.entry("reasonlost", "lostReason"),
          Map.entry("company", "clientName"), Map.entry("companyname", "clientName"),
          Map.entry("client", "clientName"), Map.entry("account", "clientName"),
          Map.entry("accountname", "clientName"), Map.entry("associatedcompany", "clientName"),
          Map.entry("companyemail", "clientEmail"), Map.entry("companyid", "clientCompanyId"),
          Map.entry("leadsource", "source"), Map.entry("originalsource", "source"),
          Map.entry("contact", "contactName"), Map.entry("associatedcontact", "contactName"),
          Map.entry("email", "contactEmail"), Map.entry("phone", "contactPhone")));

  /** The prefix of a custom field's column, as the export writes it: {@code customFields.<fieldName>}. */
  public static final String CUSTOM_PREFIX = "customFields.";

  private final String key;
  private final RecordType recordType;
  private final List<String> fields;
  private final Set<String> readOnly;
  private final Map<String, String> aliases;

  ImportKind(String key, RecordType recordType, List<String> fields, Set<String> readOnly,
             Map<String, String> aliases) {
    this.key = key;
    this.recordType = recordType;
    this.fields = fields;
    this.readOnly = readOnly;
    this.aliases = aliases;
  }

  /** As the API names it: {@code clients} or {@code deals}. */
  public String key() {
    return key;
  }

  /** The type of the records this kind creates (for custom fields and undo). */
  public RecordType recordType() {
    return recordType;
  }

  /** The fields a column may fill, in the order the mapping page lists them. */
  public List<String> fields() {
    return fields;
  }

  /** Columns an export writes that an import recognises and leaves out (ids, computed values). */
  public Set<String> readOnly() {
    return readOnly;
  }

  /** The field a header names by itself: a field's API name, a read-only column, or a common alias. */
  public Optional<String> match(String header) {
    String n = normal(header);
    for (String f : fields) {
      if (normal(f).equals(n)) {
        return Optional.of(f);
      }
    }
    for (String f : readOnly) {
      if (normal(f).equals(n)) {
        return Optional.of(ColumnMapping.IGNORE);
      }
    }
    return Optional.ofNullable(aliases.get(n));
  }

  public static Optional<ImportKind> fromKey(@org.jspecify.annotations.Nullable String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }

  /** A header as matched: lower case, letters and digits only ("Deal Stage" → "dealstage"). */
  public static String normal(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
