package com.orbitcrm.customfields;

import com.orbitcrm.customfields.port.PhoneNumbers;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.Fields;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rule of each of the nine types: whether a {@link RawValue} fits and its normal form. Pure (the phone
 * plan comes in as {@link PhoneNumbers}); a refusal is a value ({@link Checked#problem()}), not a crash.
 */
public final class FieldRules {

  public static final int MAX_TEXT = 500;
  public static final int MAX_URL = 1000;
  /** Numbers: at most 15 digits before the point and 6 after, exact. */
  public static final int MAX_INTEGER_DIGITS = 15;
  public static final int MAX_DECIMALS = 6;

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\p{Cs}\\p{Co}\\p{Cn}\\u2028\\u2029]");
  private static final Pattern ANY_CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}\\p{Co}\\p{Cn}\\u2028\\u2029]");
  private static final Set<String> TRUE = Set.of("true", "on", "yes", "1");
  private static final Set<String> FALSE = Set.of("false", "off", "no", "0");

  private FieldRules() {}

  /**
   * The outcome of a check: a value, no value (empty input), or why it was refused.
   */
  public record Checked(@Nullable FieldValue value, @Nullable String problem) {
    static Checked ok(FieldValue v) {
      return new Checked(v, null);
    }

    static Checked none() {
      return new Checked(null, null);
    }

    static Checked refused(String problem) {
      return new Checked(null, problem);
    }

    public boolean refused() {
      return problem != null;
    }
  }

  /** Whether {@code s} holds a control character (tab and line breaks excepted) or a non-character. */
  static boolean hasControl(String s) {
    return CONTROL.matcher(s).find();
  }

  public static Checked check(FieldType type, List<FieldOption> options, RawValue raw, PhoneNumbers phones,
                              String region) {
    return switch (raw) {
      case RawValue.Empty e -> Checked.none();
      case RawValue.Other o -> Checked.refused(expected(type));
      case RawValue.Input in -> fromInput(type, options, in.text(), phones, region);
      case RawValue.Text t -> switch (type) {
        case NUMBER, BOOLEAN, MULTISELECT -> Checked.refused(expected(type));
        default -> t.text().isBlank() ? Checked.none() : fromInput(type, options, t.text(), phones, region);
      };
      case RawValue.Number n -> type == FieldType.NUMBER ? number(n.number()) : Checked.refused(expected(type));
      case RawValue.Bool b -> type == FieldType.BOOLEAN ? Checked.ok(FieldValue.of(type, String.valueOf(b.value())))
          : Checked.refused(expected(type));
      case RawValue.Items items -> type == FieldType.MULTISELECT ? choices(options, items.items())
          : Checked.refused(expected(type));
    };
  }

  private static String expected(FieldType type) {
    return switch (type) {
      case NUMBER -> "must be a number";
      case BOOLEAN -> "must be true or false";
      case MULTISELECT -> "must be an array of option values";
      case DATE -> "must be a date such as 2026-03-31";
      default -> "must be a string";
    };
  }

  private static Checked fromInput(FieldType type, List<FieldOption> options, String raw, PhoneNumbers phones,
                                   String region) {
    String v = raw.strip();
    if (v.isEmpty()) {
      return Checked.none();
    }
    if (type != FieldType.TEXT ? ANY_CONTROL.matcher(v).find() : hasControl(v)) {
      return Checked.refused("must not contain control characters");
    }
    return switch (type) {
      case TEXT -> v.length() > MAX_TEXT ? Checked.refused("must be at most " + MAX_TEXT + " characters")
          : Checked.ok(FieldValue.of(type, v));
      case NUMBER -> {
        try {
          yield number(new BigDecimal(v.replace(",", "")));
        } catch (NumberFormatException e) {
          yield Checked.refused("must be a number such as 1250.5");
        }
      }
      case DATE -> date(v);
      case BOOLEAN -> {
        String b = v.toLowerCase(Locale.ROOT);
        yield TRUE.contains(b) ? Checked.ok(FieldValue.of(type, "true"))
            : FALSE.contains(b) ? Checked.ok(FieldValue.of(type, "false")) : Checked.refused(expected(type));
      }
      case SELECT -> options.stream().anyMatch(o -> o.value().equals(v)) ? Checked.ok(FieldValue.of(type, v))
          : Checked.refused("must be one of " + optionList(options));
      case MULTISELECT -> choices(options, List.of(v));
      case URL -> v.length() > MAX_URL ? Checked.refused("must be at most " + MAX_URL + " characters")
          : Fields.isWebUrl(v) && !v.contains(" ") ? Checked.ok(FieldValue.of(type, v))
          : Checked.refused("must be an http or https address");
      case EMAIL -> EmailAddress.problem(v).map(Checked::refused)
          .orElseGet(() -> Checked.ok(FieldValue.of(type, new EmailAddress(v).value())));
      case PHONE -> v.length() > 50 ? Checked.refused("is not a valid phone number")
          : phones.e164(v, region).map(p -> Checked.ok(FieldValue.of(type, p)))
          .orElseGet(() -> Checked.refused("is not a valid phone number"));
    };
  }

  /** Exact: a number with more decimals than allowed is refused, never rounded. */
  static Checked number(BigDecimal n) {
    BigDecimal v = n.stripTrailingZeros();
    if (v.scale() > MAX_DECIMALS) {
      return Checked.refused("must have at most " + MAX_DECIMALS + " decimals");
    }
    if (v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
      return Checked.refused("must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
    }
    if (v.scale() < 0) {
      v = v.setScale(0);
    }
    return Checked.ok(FieldValue.of(FieldType.NUMBER, v.signum() == 0 ? "0" : v.toPlainString()));
  }

  private static Checked date(String v) {
    try {
      LocalDate d = LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE);
      if (d.getYear() < 1 || d.getYear() > 9999) {
        return Checked.refused("must be a date between the years 1 and 9999");
      }
      return Checked.ok(FieldValue.of(FieldType.DATE, d.toString()));
    } catch (DateTimeParseException e) {
      return Checked.refused(expected(FieldType.DATE));
    }
  }

  private static Checked choices(List<FieldOption> options, List<String> chosen) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String c : chosen) {
      if (c == null) {
        return Checked.refused(expected(FieldType.MULTISELECT));
      }
      if (options.stream().noneMatch(o -> o.value().equals(c))) {
        return Checked.refused("has " + (c.length() > 50 ? "a value" : "\"" + c + "\"") + ", which is not one of "
            + optionList(options));
      }
      wanted.add(c);
    }
    if (wanted.isEmpty()) {
      return Checked.none();
    }
    List<String> inOrder = new ArrayList<>();
    options.stream().map(FieldOption::value).filter(wanted::contains).forEach(inOrder::add);
    return Checked.ok(new FieldValue(FieldType.MULTISELECT, inOrder));
  }

  private static String optionList(List<FieldOption> options) {
    return options.isEmpty() ? "the field's options (it has none)"
        : String.join(", ", options.stream().limit(20).map(FieldOption::value).toList());
  }

  /**
   * The value a stored one becomes under another type or other options, if it converts: its text read as
   * form input of the new type (so "12" converts from text to number, "abc" does not).
   */
  public static Optional<FieldValue> convert(FieldValue value, FieldType type, List<FieldOption> options,
                                             PhoneNumbers phones, String region) {
    RawValue raw = type == FieldType.MULTISELECT ? new RawValue.Items(value.items())
        : value.items().size() == 1 ? new RawValue.Input(value.items().getFirst()) : new RawValue.Other("list");
    Checked c = check(type, options, raw, phones, region);
    return Optional.ofNullable(c.value());
  }
}
