package com.orbitcrm.platform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Records of one type for the command bar (Ctrl/⌘+K): found by word prefixes of their name, contact or e-mail,
 * through the owning module's search-word index (an index range scan under row-level security, never LIKE).
 * Implemented by the web adapter of the module that owns the type; the command bar knows nothing else of it.
 */
public interface CommandSearch {

  /** Where the type's group stands in the results (clients first). */
  int order();

  /** The group's heading: "Clients". */
  String groupLabel();

  /** At most {@code limit} live records of the current workspace matching every typed word. */
  List<Found> find(String typed, int limit);

  /**
   * One record found.
   *
   * @param detail a second line (the contact, the stage, the date); {@literal null} for none.
   * @param link where Enter goes.
   */
  record Found(String label, @Nullable String detail, String link) {}
}
