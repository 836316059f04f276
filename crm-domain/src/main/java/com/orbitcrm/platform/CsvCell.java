package com.orbitcrm.platform;

import java.util.regex.Pattern;

/**
 * What a CSV cell may hold when a spreadsheet opens it. Text that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets ("CSV injection"),
 * so an export writes it with a leading apostrophe, which those programs show as text. Plain numbers
 * ({@code -12.5}, {@code +14155550100}) are left alone: they are not formulas.
 *
 * <p>The rule can be undone exactly, so an export imports back unchanged: {@link #restore} removes the
 * apostrophe {@link #neutralise} added, and only that one (a value that itself starts with an apostrophe before
 * a formula sign gets a second one).
 */
public final class CsvCell {

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private CsvCell() {}

  /** The cell for {@code text}: the text itself, or the text after an apostrophe when a spreadsheet would run it. */
  public static String neutralise(String text) {
    return needsApostrophe(text) ? "'" + text : text;
  }

  /** The text a cell written by {@link #neutralise} stands for. */
  public static String restore(String cell) {
    return cell.startsWith("'") && needsApostrophe(cell.substring(1)) ? cell.substring(1) : cell;
  }

  private static boolean needsApostrophe(String text) {
    if (text.isEmpty()) {
      return false;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> !PLAIN_NUMBER.matcher(text).matches();
      case '\'' -> needsApostrophe(text.substring(1));
      default -> false;
    };
  }
}
