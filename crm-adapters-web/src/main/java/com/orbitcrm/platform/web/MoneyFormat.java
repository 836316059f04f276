package com.orbitcrm.platform.web;

import com.orbitcrm.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Amounts as people read them: "$12,500", "€1,250.50", and compactly "$1.3M" where room is short.
 * Exact amounts (a weighted value has four decimals) are rounded here, once, for display.
 */
public final class MoneyFormat {

  private MoneyFormat() {}

  /** The amount with its currency's symbol, rounded to cents here and only here, cents only when there are any. */
  public static String format(Money money) {
    return format(money.amount().setScale(2, RoundingMode.HALF_UP), money.currency());
  }

  public static String compact(Money money) {
    return compact(money.amount(), money.currency());
  }

  /** The amount with its currency's symbol, cents only when there are any. */
  public static String format(@Nullable BigDecimal amount, String currency) {
    if (amount == null) {
      return "—";
    }
    NumberFormat format = formatFor(currency);
    format.setMaximumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
    format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
    return format.format(amount);
  }

  /** An exact amount for an API: every digit, at least cents ("925.92", "0.0165"); nothing rounded. */
  public static String exact(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.setScale(Math.max(2, stripped.scale())).toPlainString();
  }

  /** Whole units below ten thousand, then K and M with one decimal: "$950", "$12.5K", "$1.3M". */
  public static String compact(BigDecimal amount, String currency) {
    BigDecimal abs = amount.abs();
    String suffix = "";
    BigDecimal scaled = amount;
    if (abs.compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
      scaled = amount.divide(BigDecimal.valueOf(1_000_000_000), 1, RoundingMode.HALF_UP);
      suffix = "B";
    } else if (abs.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
      scaled = amount.divide(BigDecimal.valueOf(1_000_000), 1, RoundingMode.HALF_UP);
      suffix = "M";
    } else if (abs.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
      scaled = amount.divide(BigDecimal.valueOf(1_000), 1, RoundingMode.HALF_UP);
      suffix = "K";
    } else {
      scaled = amount.setScale(0, RoundingMode.HALF_UP);
    }
    NumberFormat format = formatFor(currency);
    format.setMinimumFractionDigits(0);
    format.setMaximumFractionDigits(scaled.stripTrailingZeros().scale() > 0 ? 1 : 0);
    return format.format(scaled) + suffix;
  }

  /**
   * A chart axis label: K from a thousand, M from a million, and as many decimals as the value has
   * (axis steps are round: "$250K", "$1.25M", never a rounded "$1.3M" under a bar of 1.25 million).
   */
  public static String axis(BigDecimal amount, String currency) {
    BigDecimal abs = amount.abs();
    String suffix = "";
    BigDecimal scaled = amount;
    if (abs.compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
      scaled = amount.movePointLeft(9);
      suffix = "B";
    } else if (abs.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
      scaled = amount.movePointLeft(6);
      suffix = "M";
    } else if (abs.compareTo(BigDecimal.valueOf(1_000)) >= 0) {
      scaled = amount.movePointLeft(3);
      suffix = "K";
    }
    scaled = scaled.stripTrailingZeros();
    NumberFormat format = formatFor(currency);
    format.setMinimumFractionDigits(0);
    format.setMaximumFractionDigits(Math.max(0, scaled.scale()));
    return format.format(scaled) + suffix;
  }

  /** A fresh format (they are not thread-safe), cloned from one made once per currency. */
  private static NumberFormat formatFor(String currency) {
    return (NumberFormat) PROTOTYPES.computeIfAbsent(currency, MoneyFormat::prototype).clone();
  }

  private static final Map<String, NumberFormat> PROTOTYPES = new ConcurrentHashMap<>();

  private static NumberFormat prototype(String currency) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
    try {
      format.setCurrency(Currency.getInstance(currency));
    } catch (IllegalArgumentException e) {
      // Stored currencies are ISO codes; keep the default if one is not known to this JDK.
    }
    return format;
  }
}
