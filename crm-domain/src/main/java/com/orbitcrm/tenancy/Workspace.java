package com.orbitcrm.tenancy;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.Money;
import com.orbitcrm.platform.TimeZones;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A workspace: one company's CRM, walled off from every other, with its calendar (the time zone in which
 * "this month" and "today" are meant) and the currency its amounts are shown in first.
 */
public record Workspace(TenantId id, String name, ZoneId timeZone, String currency) {

  public static final int MAX_NAME = 255;
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");
  public static final String DEFAULT_CURRENCY = "USD";

  public Workspace {
    Objects.requireNonNull(id);
    Objects.requireNonNull(timeZone);
    Objects.requireNonNull(currency);
    name = name == null ? "" : name.strip();
    if (name.isEmpty()) {
      throw InvalidInputException.of("workspace", "is required");
    }
    if (name.length() > MAX_NAME) {
      throw InvalidInputException.of("workspace", "must be at most " + MAX_NAME + " characters");
    }
  }

  /** A new workspace, in UTC and US dollars until an admin says otherwise. */
  public Workspace(TenantId id, String name) {
    this(id, name, DEFAULT_ZONE, DEFAULT_CURRENCY);
  }

  /**
   * The workspace with settings as typed: a name, an IANA time zone ("Europe/Berlin") and an ISO 4217
   * currency; each wrong one is named.
   */
  public Workspace with(@Nullable String newName, @Nullable String zone, @Nullable String newCurrency) {
    var violations = new ArrayList<FieldViolation>();
    ZoneId parsedZone = timeZone;
    if (zone != null && !zone.isBlank()) {
      parsedZone = TimeZones.parse(zone).orElse(null);
      if (parsedZone == null) {
        parsedZone = timeZone;
        violations.add(new FieldViolation("timeZone", "must be a time zone such as Europe/Berlin or America/New_York"));
      }
    }
    String parsedCurrency = currency;
    if (newCurrency != null && !newCurrency.isBlank()) {
      var code = Money.currencyCode(newCurrency);
      if (code.isEmpty()) {
        violations.add(new FieldViolation("currency", "must be an ISO 4217 code such as USD or EUR"));
      } else {
        parsedCurrency = code.get();
      }
    }
    String cleanName = newName == null ? name : newName.strip();
    if (cleanName.isEmpty()) {
      violations.add(new FieldViolation("workspace", "is required"));
    } else if (cleanName.length() > MAX_NAME) {
      violations.add(new FieldViolation("workspace", "must be at most " + MAX_NAME + " characters"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new Workspace(id, cleanName, parsedZone, parsedCurrency);
  }
}
