package com.orbitcrm.deals;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.platform.Contact;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.Fields;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.Money;
import com.orbitcrm.tenancy.UserId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deal's editable fields, valid by construction: a name of 1–255 characters, a value of at least 0
 * with at most 2 decimals in an ISO-4217 currency, a {@link Contact}, an ISO date.
 */
public record DealDetails(String name, @Nullable String description, Money value, @Nullable ClientId clientId,
                          Contact contact, @Nullable LocalDate expectedCloseDate, @Nullable UserId ownerId,
                          @Nullable String source) {

  /** New deals are in this currency unless another is given. */
  public static final String DEFAULT_CURRENCY = "USD";

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
    String currency = DEFAULT_CURRENCY;
    String rawCurrency = Fields.text(violations, "currency", draft.get("currency"), 255);
    if (rawCurrency != null) {
      var code = Money.currencyCode(rawCurrency);
      if (code.isEmpty()) {
        violations.add(new FieldViolation("currency", "must be an ISO 4217 code such as USD or EUR"));
      } else {
        currency = code.get();
      }
    }
    Money value = new Money(amount == null ? BigDecimal.ZERO.setScale(2) : amount, currency);
    UUID rawClient = Fields.uuid(violations, "clientId", draft.get("clientId"), "is not a client id");
    ClientId client = rawClient == null ? null : new ClientId(rawClient);
    Contact contact = Contact.parse(violations, draft.get("contactName"), draft.get("contactEmail"),
        draft.get("contactPhone"));
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
    return new DealDetails(name, description, value, client, contact, expected, owner, source);
  }

  public String currency() {
    return value.currency();
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
