package com.orbitcrm.insights;

import com.orbitcrm.platform.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One amount per currency — never converted, never added across currencies — with the workspace's main
 * currency first, then the others in alphabetical order. Amounts are exact; they are rounded where shown.
 */
public record Amounts(List<Money> amounts) {

  public Amounts {
    amounts = List.copyOf(amounts);
  }

  public static Amounts none() {
    return new Amounts(List.of());
  }

  /** The sums of {@code parts} per currency, ordered for a workspace whose main currency is {@code main}. */
  public static Amounts sum(List<Money> parts, String main) {
    Map<String, BigDecimal> byCurrency = new TreeMap<>();
    for (Money m : parts) {
      byCurrency.merge(m.currency(), m.amount(), BigDecimal::add);
    }
    var list = new ArrayList<Money>();
    byCurrency.forEach((currency, amount) -> list.add(new Money(amount, currency)));
    list.sort(Comparator.comparing((Money m) -> !m.currency().equals(main)).thenComparing(Money::currency));
    return new Amounts(list);
  }

  public boolean isEmpty() {
    return amounts.isEmpty();
  }

  /** The amount in {@code currency}, zero if there is none. */
  public Money in(String currency) {
    return amounts.stream().filter(m -> m.currency().equals(currency)).findFirst().orElse(Money.zero(currency));
  }
}
