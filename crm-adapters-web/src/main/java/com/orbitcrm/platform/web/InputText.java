package com.orbitcrm.platform.web;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for text that enters from outside (bodies, forms, query parameters): no NUL character
 * (PostgreSQL refuses it in text, so it would fail deep in a query) and no half of a surrogate pair (not
 * Unicode text at all). Everything else a person can type is text.
 */
final class InputText {

  private InputText() {}

  /** What is wrong with {@code s}, if anything. */
  static Optional<String> problem(@Nullable String s) {
    if (s == null) {
      return Optional.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0000') {
        return Optional.of("must not contain NUL characters");
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of("is not valid Unicode text");
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of("is not valid Unicode text");
      }
    }
    return Optional.empty();
  }
}
