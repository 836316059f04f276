package com.orbitcrm.meetings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An attendee's answer to an invitation, as the original spec names them; iCalendar's PARTSTAT alongside. */
public enum Rsvp {
  PENDING("Awaiting reply", "NEEDS-ACTION"),
  ACCEPTED("Accepted", "ACCEPTED"),
  DECLINED("Declined", "DECLINED");

  private final String label;
  private final String partStat;

  Rsvp(String label, String partStat) {
    this.label = label;
    this.partStat = partStat;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  /** RFC 5545 participation status. */
  public String partStat() {
    return partStat;
  }

  public static Optional<Rsvp> of(String key) {
    return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
  }
}
