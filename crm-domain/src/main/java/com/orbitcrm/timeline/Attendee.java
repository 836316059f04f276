package com.orbitcrm.timeline;

import com.orbitcrm.platform.NamedAddress;
import org.jspecify.annotations.Nullable;

/**
 * A meeting attendee as the original spec stores one ({@code {name, email}}, either may be absent),
 * typed as "Ada Lovelace &lt;ada@example.com&gt;", "ada@example.com" or "Ada Lovelace".
 */
public record Attendee(@Nullable String name, @Nullable String email) {

  public static Attendee parse(String typed) {
    var parsed = NamedAddress.parse(typed);
    return new Attendee(parsed.name(), parsed.email());
  }

  /** Back to how it is typed. */
  public String display() {
    return new NamedAddress(name, email).display();
  }
}
