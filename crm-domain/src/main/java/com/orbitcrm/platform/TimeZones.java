package com.orbitcrm.platform;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Time zones as people type them: an IANA name ("Europe/Berlin", "America/New_York") or UTC. A bare
 * offset ("+02:00") is not a zone — it does not know daylight saving — so it is refused (UTC aside).
 * Workspaces, members and meetings all read zones through here.
 */
public final class TimeZones {

  public static final ZoneId UTC = ZoneId.of("UTC");

  private static final List<String> NAMES = ZoneId.getAvailableZoneIds().stream()
      .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
      .sorted(Comparator.naturalOrder()).toList();

  private TimeZones() {}

  public static Optional<ZoneId> parse(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      ZoneId zone = ZoneId.of(raw.strip());
      if (zone instanceof ZoneOffset) {
        return zone.equals(ZoneOffset.UTC) ? Optional.of(UTC) : Optional.empty();
      }
      return Optional.of(zone);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The region zones a person may choose from, by name (UTC is not among them: forms offer it first). */
  public static List<String> names() {
    return NAMES;
  }
}
