package com.orbitcrm.insights;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Days of the workspace's calendar, both ends included; {@literal null} ends are open (all time). A period
 * is resolved against "today" in the workspace's time zone, so "this month" is the workspace's month, not
 * the server's.
 */
public record Period(PeriodKind kind, @Nullable LocalDate from, @Nullable LocalDate to) {

  /** A custom range may span at most this many years (a report, not a dump). */
  public static final int MAX_YEARS = 20;

  public Period {
    Objects.requireNonNull(kind);
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("a period ends after it starts: " + from + " – " + to);
    }
  }

  /** The period a person or a client picked; a wrong key, date or range is a 400 on its field. */
  public static Period resolve(@Nullable String key, @Nullable String from, @Nullable String to, LocalDate today) {
    String clean = key == null || key.isBlank() ? PeriodKind.THIS_MONTH.key() : key.strip().toLowerCase(Locale.ROOT);
    PeriodKind kind = PeriodKind.fromKey(clean).orElseThrow(() -> InvalidInputException.of("period", "must be one of "
        + Arrays.stream(PeriodKind.values()).map(PeriodKind::key).collect(Collectors.joining(", "))));
    YearMonth month = YearMonth.from(today);
    return switch (kind) {
      case THIS_MONTH -> new Period(kind, month.atDay(1), month.atEndOfMonth());
      case LAST_MONTH -> new Period(kind, month.minusMonths(1).atDay(1), month.minusMonths(1).atEndOfMonth());
      case THIS_QUARTER -> {
        YearMonth first = YearMonth.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1);
        yield new Period(kind, first.atDay(1), first.plusMonths(2).atEndOfMonth());
      }
      case THIS_YEAR -> new Period(kind, LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31));
      case LAST_12_MONTHS -> new Period(kind, month.minusMonths(11).atDay(1), month.atEndOfMonth());
      case ALL_TIME -> new Period(kind, null, null);
      case CUSTOM -> custom(from, to);
    };
  }

  private static Period custom(@Nullable String from, @Nullable String to) {
    var violations = new ArrayList<FieldViolation>();
    LocalDate start = date(violations, "from", from);
    LocalDate end = date(violations, "to", to);
    if (violations.isEmpty() && end.isBefore(start)) {
      violations.add(new FieldViolation("to", "must not be before from"));
    } else if (violations.isEmpty() && start.plusYears(MAX_YEARS).isBefore(end)) {
      violations.add(new FieldViolation("to", "must be at most " + MAX_YEARS + " years after from"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new Period(PeriodKind.CUSTOM, start, end);
  }

  private static LocalDate date(ArrayList<FieldViolation> violations, String field, @Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      violations.add(new FieldViolation(field, "is required for a custom range"));
      return LocalDate.MIN;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "must be a date such as 2026-12-31"));
      return LocalDate.MIN;
    }
  }

  /** The calendar month {@code today} is in. */
  public static Period month(LocalDate today) {
    YearMonth month = YearMonth.from(today);
    return new Period(PeriodKind.THIS_MONTH, month.atDay(1), month.atEndOfMonth());
  }

  public boolean contains(LocalDate day) {
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }
}
