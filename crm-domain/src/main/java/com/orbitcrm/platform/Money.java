package com.orbitcrm.platform;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An exact amount in one currency (ISO 4217). Amounts of different currencies are never added: there is
 * no conversion. Arithmetic keeps every digit; rounding happens once, where an amount is shown.
 */
public record Money(BigDecimal amount, String currency) {

  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

  public Money {
    Objects.requireNonNull(amount, "amount must not be null");
    Objects.requireNonNull(currency, "currency must not be null");
    if (!CODE.matcher(currency).matches()) {
      throw new IllegalArgumentException("not an ISO 4217 currency code: " + currency);
    }
  }

  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** The ISO 4217 code for typed text ("eur" → EUR), if the JDK knows it. */
  public static Optional<String> currencyCode(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Currency.getInstance(raw.strip().toUpperCase(Locale.ROOT)).getCurrencyCode());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /** The exact share {@code percent}/100 of this amount (two more decimals, nothing rounded). */
  public Money percent(int percent) {
    return new Money(amount.multiply(BigDecimal.valueOf(percent)).movePointLeft(2), currency);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
