package com.orbitcrm.deals;

import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.platform.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a deal must have before it may enter a stage: a value (more than 0), an expected close date, a
 * contact e-mail, or a custom field (by name, {@code cf.<name>}). A lost stage also requires a lost reason:
 * that rule is of the same kind, and {@link Stage#missingOnEntry} checks both in one place, for the board,
 * the API and the deal form alike.
 *
 * @param fields the API names of the fields required, in the order an admin chose them.
 */
public record EntryRequirements(List<String> fields) {

  public static final String VALUE = "value";
  public static final String EXPECTED_CLOSE_DATE = "expectedCloseDate";
  public static final String CONTACT_EMAIL = "contactEmail";
  public static final String LOST_REASON = "lostReason";
  /** A custom field's requirement: this prefix and the field's name. */
  public static final String CUSTOM = "cf.";
  /** The deal's own fields a rule may name. */
  public static final List<String> BUILT_IN = List.of(VALUE, EXPECTED_CLOSE_DATE, CONTACT_EMAIL);
  public static final int MAX_FIELDS = 20;
  public static final EntryRequirements NONE = new EntryRequirements(List.of());

  private static final Pattern CUSTOM_NAME = Pattern.compile("cf\\.[a-z][a-z0-9_]{0,49}");

  public EntryRequirements {
    Objects.requireNonNull(fields);
    fields = List.copyOf(new LinkedHashSet<>(fields));
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalArgumentException("a stage requires at most " + MAX_FIELDS + " fields");
    }
    for (String f : fields) {
      if (!known(f)) {
        throw new IllegalArgumentException("not a field a stage can require: " + f);
      }
    }
  }

  /** Whether a rule may name {@code field}: one of {@link #BUILT_IN}, or {@code cf.} and a custom field's name. */
  public static boolean known(@Nullable String field) {
    return field != null && (BUILT_IN.contains(field) || CUSTOM_NAME.matcher(field).matches());
  }

  public boolean none() {
    return fields.isEmpty();
  }

  /** The custom fields' names among the requirements. */
  public List<String> customNames() {
    return fields.stream().filter(f -> f.startsWith(CUSTOM)).map(f -> f.substring(CUSTOM.length())).toList();
  }

  /**
   * The requirements {@code details} and {@code custom} (the deal's custom-field values by name) do not meet,
   * each as a violation on its field ("is required to enter Proposal").
   */
  public List<FieldViolation> missing(DealDetails details, Map<String, FieldValue> custom, String stageLabel) {
    var missing = new ArrayList<FieldViolation>();
    for (String f : fields) {
      boolean met = switch (f) {
        case VALUE -> details.value().amount().compareTo(BigDecimal.ZERO) > 0;
        case EXPECTED_CLOSE_DATE -> details.expectedCloseDate() != null;
        case CONTACT_EMAIL -> details.contactEmail() != null;
        default -> custom.containsKey(f.substring(CUSTOM.length()));
      };
      if (!met) {
        missing.add(new FieldViolation(f, "is required to enter " + stageLabel));
      }
    }
    return missing;
  }
}
