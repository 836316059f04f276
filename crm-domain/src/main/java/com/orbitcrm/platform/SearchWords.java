package com.orbitcrm.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words of a typed search as the search-word tables hold a record's words ({@code orbit_client_words}, V4):
 * lower-cased runs of letters and digits, each at most 100 characters; a record matches when each typed word is
 * the start of one of its words. At most {@value #MAX_WORDS} words are used.
 */
public final class SearchWords {

  public static final int MAX_WORDS = 5;
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** The character after every other: {@code word <= x <= word + LAST} is "x starts with word". */
  public static final String LAST = new String(Character.toChars(Character.MAX_CODE_POINT));

  private SearchWords() {}

  public static List<String> of(@Nullable String typed) {
    if (typed == null) {
      return List.of();
    }
    return Arrays.stream(NOT_ALPHANUMERIC.split(typed.toLowerCase(Locale.ROOT)))
        .filter(w -> !w.isEmpty())
        .map(w -> w.length() > 100 ? w.substring(0, 100) : w)
        .distinct()
        .limit(MAX_WORDS)
        .toList();
  }
}
