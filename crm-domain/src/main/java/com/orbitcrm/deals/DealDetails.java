package com.orbitcrm.deals;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.EmailAddress;
import com.orbitcrm.tenancy.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
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
    String name = text(violations, "name", draft.get("name"), 255);
    if (name == null && violations.stream().noneMatch(v -> v.field().equals("name"))) {
      violations.add(new FieldViolation("name", "is required"));
    }
    String description = text(violations, "description", draft.get("description"), 20_000);
    BigDecimal value = value(violations, draft.get("value"));
    String currency = "USD";
    String rawCurrency = text(violations, "currency", draft.get("currency"), 255);
    if (rawCurrency != null) {
      try {
        currency = Currency.getInstance(rawCurrency.toUpperCase(Locale.ROOT)).getCurrencyCode();
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("currency", "must be an ISO 4217 code such as USD or EUR"));
      }
    }
    ClientId client = null;
    String rawClient = text(violations, "clientId", draft.get("clientId"), 255);
    if (rawClient != null) {
      try {
        client = new ClientId(UUID.fromString(rawClient));
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("clientId", "is not a client id"));
      }
    }
    String contactName = text(violations, "contactName", draft.get("contactName"), 255);
    String contactEmail = text(violations, "contactEmail", draft.get("contactEmail"), 255);
    if (contactEmail != null) {
      var problem = EmailAddress.problem(contactEmail);
      if (problem.isPresent()) {
        violations.add(new FieldViolation("contactEmail", problem.get()));
      } else {
        contactEmail = new EmailAddress(contactEmail).value();
      }
    }
    String contactPhone = text(violations, "contactPhone", draft.get("contactPhone"), 50);
    LocalDate expected = null;
    String rawDate = text(violations, "expectedCloseDate", draft.get("expectedCloseDate"), 255);
    if (rawDate != null) {
      try {
        expected = LocalDate.parse(rawDate.length() > 10 ? rawDate.substring(0, 10) : rawDate);
      } catch (DateTimeParseException e) {
        violations.add(new FieldViolation("expectedCloseDate", "must be a date such as 2026-12-31"));
      }
    }
    UserId owner = null;
    String rawOwner = text(violations, "ownerId", draft.get("ownerId"), 255);
    if (rawOwner != null) {
      try {
        owner = new UserId(UUID.fromString(rawOwner));
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("ownerId", "is not a user id"));
      }
    }
    String source = text(violations, "source", draft.get("source"), 100);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new DealDetails(name, description, value, currency, client, contactName, contactEmail, contactPhone,
        expected, owner, source);
  }

  private static @Nullable String text(List<FieldViolation> violations, String field, @Nullable String raw, int max) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String v = raw.strip();
    if (v.length() > max) {
      violations.add(new FieldViolation(field, "must be at most " + max + " characters"));
      return null;
    }
    return v;
  }

  private static BigDecimal value(List<FieldViolation> violations, @Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return BigDecimal.ZERO.setScale(2);
    }
    try {
      BigDecimal v = new BigDecimal(raw.strip().replace(",", ""));
      if (v.signum() < 0) {
        violations.add(new FieldViolation("value", "must be 0 or more"));
      } else if (v.stripTrailingZeros().scale() > 2) {
        violations.add(new FieldViolation("value", "must have at most 2 decimals"));
      } else if (v.compareTo(MAX_VALUE) > 0) {
        violations.add(new FieldViolation("value", "is too large"));
      } else {
        return v.setScale(2, RoundingMode.UNNECESSARY);
      }
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation("value", "must be an amount such as 25000.00"));
    }
    return BigDecimal.ZERO.setScale(2);
  }
}
