package com.orbitcrm.timeline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A meeting attendee as the original spec stores one ({@code {name, email}}, either may be absent),
 * typed as "Ada Lovelace &lt;ada@example.com&gt;", "ada@example.com" or "Ada Lovelace".
 */
public record Attendee(@Nullable String name, @Nullable String email) {

  private static final Pattern NAMED = Pattern.compile("^(.*?)\\s*<([^>]+)>$");

  public static Attendee parse(String typed) {
    String t = typed.strip();
    Matcher m = NAMED.matcher(t);
    if (m.matches()) {
      return new Attendee(m.group(1).isBlank() ? null : m.group(1).strip(), m.group(2).strip());
    }
    if (t.contains("@") && !t.contains(" ")) {
      return new Attendee(null, t);
    }
    return new Attendee(t, null);
  }

  /** Back to how it is typed. */
  public String display() {
    if (name == null) {
      return email == null ? "" : email;
    }
    return email == null ? name : name + " <" + email + ">";
  }
}
