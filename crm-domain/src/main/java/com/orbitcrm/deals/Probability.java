package com.orbitcrm.deals;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.Money;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The chance, 0–100 %, that a deal closes won. Weighting a value by it is exact (value × percent / 100,
 * nothing rounded): cards, column totals, the dashboard and the forecast all use {@link #weigh} and round
 * once, for display.
 */
public record Probability(int percent) {

  public static final Probability CERTAIN = new Probability(100);
  public static final Probability NONE = new Probability(0);

  public Probability {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("probability must be 0..100, was " + percent);
    }
  }

  /** What is wrong with {@code percent} as a probability typed by a person or sent by a client, if anything. */
  public static Optional<FieldViolation> problem(@Nullable Integer percent, String field) {
    return percent == null || percent >= 0 && percent <= 100 ? Optional.empty()
        : Optional.of(new FieldViolation(field, "must be between 0 and 100"));
  }

  /** A probability typed by a person, or sent by a client: out of range is a 400 on {@code field}. */
  public static Probability of(int percent, String field) {
    problem(percent, field).ifPresent(v -> {
      throw new InvalidInputException(List.of(v));
    });
    return new Probability(percent);
  }

  /** A whole number typed into a form; blank is {@literal null}; not a number is a 400 on {@code field}. */
  public static @Nullable Integer parsePercent(@Nullable String raw, String field) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(field, "must be a whole number between 0 and 100");
    }
  }

  /** The value weighted by this probability, exactly. */
  public Money weigh(Money value) {
    return value.percent(percent);
  }

  @Override
  public String toString() {
    return percent + "%";
  }
}
