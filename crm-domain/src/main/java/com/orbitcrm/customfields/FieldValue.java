package com.orbitcrm.customfields;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A valid, normalised custom-field value: its canonical text per item (one item, or the chosen options of
 * a multiselect in the order of the field's options). Numbers are plain decimals without trailing zeros,
 * dates ISO, booleans {@code true}/{@code false}, e-mails lower-case, phones E.164.
 */
public record FieldValue(FieldType type, List<String> items) {

  /** Keys of text and URLs are their first 200 characters (a btree entry has a size limit). */
  public static final int KEY_LENGTH = 200;

  public FieldValue {
    Objects.requireNonNull(type);
    items = List.copyOf(items);
    if (items.isEmpty() || (type != FieldType.MULTISELECT && items.size() != 1)) {
      throw new IllegalArgumentException(type.key() + " value needs " + (type == FieldType.MULTISELECT ? "items" : "one item"));
    }
  }

  public static FieldValue of(FieldType type, String item) {
    return new FieldValue(type, List.of(item));
  }

  /** Items of a multiselect in one CSV cell. */
  public static final String CSV_SEPARATOR = ";";

  /**
   * The value in a CSV cell of an export (and of an import): the canonical text, the items of a multiselect
   * joined by {@link #CSV_SEPARATOR} (an option's value may not hold it: {@link FieldOption}).
   */
  public String csv() {
    return String.join(CSV_SEPARATOR, items);
  }

  public String text() {
    return String.join(", ", items);
  }

  /**
   * The value as JSON shows it: a number ({@link BigDecimal}), a boolean, a list of strings (multiselect)
   * or a string (text, date, select, url, email, phone).
   */
  public Object typed() {
    return switch (type) {
      case NUMBER -> new BigDecimal(items.getFirst());
      case BOOLEAN -> Boolean.parseBoolean(items.getFirst());
      case MULTISELECT -> items;
      default -> items.getFirst();
    };
  }

  /**
   * The stored keys, one per item: text whose "C"-collation order is the value's order (see
   * {@link SortKey}), so equality and ranges are leakproof index conditions under row-level security.
   */
  public List<String> keys() {
    return switch (type) {
      case NUMBER -> List.of(SortKey.of(new BigDecimal(items.getFirst())));
      case TEXT, URL -> List.of(cut(items.getFirst()));
      default -> items;
    };
  }

  private static String cut(String s) {
    return s.codePointCount(0, s.length()) <= KEY_LENGTH ? s : s.substring(0, s.offsetByCodePoints(0, KEY_LENGTH));
  }
}
