package com.orbitcrm.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Someone as people type them in an address line: "Ada Lovelace &lt;ada@example.com&gt;", "ada@example.com"
 * or "Ada Lovelace" — a name, an address, or both; unchecked (the caller checks the address).
 */
public record NamedAddress(@Nullable String name, @Nullable String email) {

  private static final Pattern NAMED = Pattern.compile("^(.*?)\\s*<([^>]+)>$");

  public static NamedAddress parse(String typed) {
    String t = typed.strip();
    Matcher m = NAMED.matcher(t);
    if (m.matches()) {
      return new NamedAddress(m.group(1).isBlank() ? null : m.group(1).strip(), m.group(2).strip());
    }
    if (t.contains("@") && !t.contains(" ")) {
      return new NamedAddress(null, t);
    }
    return new NamedAddress(t, null);
  }

  /** Back to how it is typed. */
  public String display() {
    if (name == null) {
      return email == null ? "" : email;
    }
    return email == null ? name : name + " <" + email + ">";
  }
}
