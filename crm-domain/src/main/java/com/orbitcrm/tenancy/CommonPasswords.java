package com.orbitcrm.tenancy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The passwords attackers try first: the 10,000 most common of a list of ten million leaked ones, and the
 * long ones among the 100,000 most common ({@code common-passwords.txt}, shipped with the app; its first
 * lines say where it comes from). Read once, lower-cased.
 */
final class CommonPasswords {

  private static final Set<String> WORDS = load();

  private CommonPasswords() {}

  /** Whether {@code password} (any case) is on the list. */
  static boolean contains(String password) {
    return WORDS.contains(password.toLowerCase(Locale.ROOT));
  }

  private static Set<String> load() {
    try (InputStream in = CommonPasswords.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the classpath");
      }
      var words = new HashSet<String>();
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty() && !line.startsWith("# ")) {
          words.add(line.toLowerCase(Locale.ROOT));
        }
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
