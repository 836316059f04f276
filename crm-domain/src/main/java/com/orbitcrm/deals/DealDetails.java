package com.orbitcrm.deals;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.Fields;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.EmailAddress;
import com.orbitcrm.tenancy.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deal's editable fields, valid by construction: a name of 1–255 characters, a value of at least 0
 * with at most 2 decimals, an ISO-4217 currency, a well-formed contact e-mail, an ISO date.
 */
public record DealDetails(String name, @Nullable String description, BigDecimal value, String currency,
                          @Nullable ClientId clientId, @Nullable String contactName, @Nullable String contactEmail,
                          @Nullable String contactPhone, @Nullable LocalDate expectedCloseDate,
                          @Nullable UserId ownerId, @Nullable String source) {

  /** numeric(15, 2): thirteen digits before the point. */
  private static final BigDecimal MAX_VALUE = new BigDecimal("9999999999999.99");

  public static DealDetails from(DealDraft draft) {
    var violations = new ArrayList<FieldViolation>();
    String name = Fields.text(violations, "name", draft.get("name"), 255);
    if (name == null && violations.stream().noneMatch(v -> v.field().equals("name"))) {
      violations.add(new FieldViolation("name", "is required"));
    }
    String description = Fields.text(violations, "description", draft.get("description"), 20_000);
    BigDecimal amount = Fields.amount(violations, "value", draft.get("value"), MAX_VALUE, "25000.00");
    BigDecimal value = amount == null ? BigDecimal.ZERO.setScale(2) : amount;
    String currency = "USD";
    String rawCurrency = Fields.text(violations, "currency", draft.get("currency"), 255);
    if (rawCurrency != null) {
      try {
        currency = Currency.getInstance(rawCurrency.toUpperCase(Locale.ROOT)).getCurrencyCode();
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("currency", "must be an ISO 4217 code such as USD or EUR"));
      }
    }
    UUID rawClient = Fields.uuid(violations, "clientId", draft.get("clientId"), "is not a client id");
    ClientId client = rawClient == null ? null : new ClientId(rawClient);
    String contactName = Fields.text(violations, "contactName", draft.get("contactName"), 255);
    String contactEmail = Fields.text(violations, "contactEmail", draft.get("contactEmail"), 255);
    if (contactEmail != null) {
      var problem = EmailAddress.problem(contactEmail);
      if (problem.isPresent()) {
        violations.add(new FieldViolation("contactEmail", problem.get()));
      } else {
        contactEmail = new EmailAddress(contactEmail).value();
      }
    }
    String contactPhone = Fields.text(violations, "contactPhone", draft.get("contactPhone"), 50);
    LocalDate expected = null;
    String rawDate = Fields.text(violations, "expectedCloseDate", draft.get("expectedCloseDate"), 255);
    if (rawDate != null) {
      try {
        expected = LocalDate.parse(rawDate.length() > 10 ? rawDate.substring(0, 10) : rawDate);
      } catch (DateTimeParseException e) {
        violations.add(new FieldViolation("expectedCloseDate", "must be a date such as 2026-12-31"));
      }
    }
    UUID rawOwner = Fields.uuid(violations, "ownerId", draft.get("ownerId"), "is not a user id");
    UserId owner = rawOwner == null ? null : new UserId(rawOwner);
    String source = Fields.text(violations, "source", draft.get("source"), 100);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new DealDetails(name, description, value, currency, client, contactName, contactEmail, contactPhone,
        expected, owner, source);
  }
}
