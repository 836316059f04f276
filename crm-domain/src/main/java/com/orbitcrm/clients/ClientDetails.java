package com.orbitcrm.clients;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.Fields;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.Contact;
import com.orbitcrm.tenancy.UserId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A client's editable fields, valid by construction: a name of 1–255 characters, a {@link Contact}, a
 * two-letter state, a US ZIP code, a spend of at least 0 with at most two decimals. Optional texts are
 * {@literal null}, never blank.
 */
public record ClientDetails(String name, Contact contact, @Nullable String industry, @Nullable String addressLine1,
                            @Nullable String addressLine2, @Nullable String city, @Nullable String state,
                            @Nullable String zipCode, @Nullable BigDecimal estimatedMonthlySpend, ClientStatus status,
                            @Nullable UserId accountOwnerId, @Nullable String companyId) {

  private static final Pattern STATE = Pattern.compile("^[A-Z]{2}$");
  private static final Pattern ZIP = Pattern.compile("^\\d{5}(-\\d{4})?$");
  /** numeric(12, 2): ten digits before the point. */
  private static final BigDecimal MAX_SPEND = new BigDecimal("9999999999.99");

  /** Checks every field of {@code draft}; throws naming each one that is wrong. */
  public static ClientDetails from(ClientDraft draft) {
    var violations = new ArrayList<FieldViolation>();
    String name = Fields.text(violations, "name", draft.name(), 255);
    if (name == null && violations.stream().noneMatch(v -> v.field().equals("name"))) {
      violations.add(new FieldViolation("name", "is required"));
    }
    Contact contact = Contact.parse(violations, draft.contactName(), draft.contactEmail(), draft.contactPhone());
    String industry = Fields.text(violations, "industry", draft.industry(), 100);
    String line1 = Fields.text(violations, "addressLine1", draft.addressLine1(), 255);
    String line2 = Fields.text(violations, "addressLine2", draft.addressLine2(), 255);
    String city = Fields.text(violations, "city", draft.city(), 100);
    String state = Fields.text(violations, "state", draft.state(), 255);
    if (state != null) {
      state = state.toUpperCase(Locale.ROOT);
      if (!STATE.matcher(state).matches()) {
        violations.add(new FieldViolation("state", "must be two letters, e.g. TX"));
      }
    }
    String zip = Fields.text(violations, "zipCode", draft.zipCode(), 255);
    if (zip != null && !ZIP.matcher(zip).matches()) {
      violations.add(new FieldViolation("zipCode", "must be a ZIP code such as 78701 or 78701-1234"));
    }
    BigDecimal spend = Fields.amount(violations, "estimatedMonthlySpend", draft.estimatedMonthlySpend(), MAX_SPEND,
        "1250.00");
    ClientStatus status = ClientStatus.ACTIVE;
    String rawStatus = Fields.text(violations, "status", draft.status(), 255);
    if (rawStatus != null) {
      var parsed = ClientStatus.fromKey(rawStatus.toLowerCase(Locale.ROOT));
      if (parsed.isEmpty()) {
        violations.add(new FieldViolation("status", "must be one of active, inactive, churned"));
      } else {
        status = parsed.get();
      }
    }
    UUID rawOwner = Fields.uuid(violations, "accountOwnerId", draft.accountOwnerId(), "is not a user id");
    UserId owner = rawOwner == null ? null : new UserId(rawOwner);
    String companyId = Fields.text(violations, "companyId", draft.companyId(), 100);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new ClientDetails(name, contact, industry, line1, line2, city, state, zip, spend,
        status, owner, companyId);
  }

  public @Nullable String contactName() {
    return contact.name();
  }

  public @Nullable String contactEmail() {
    return contact.email();
  }

  public @Nullable String contactPhone() {
    return contact.phone();
  }
}
