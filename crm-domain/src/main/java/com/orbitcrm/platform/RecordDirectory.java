package com.orbitcrm.platform;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The seam through which a module that owns records (clients, deals, later meetings) answers for them:
 * which of some ids are live records of its type in the current workspace, with their labels and links.
 * Modules that attach things to "any record" (timeline, custom fields, meetings, imports, insights) ask
 * through this seam and never inject another module's repositories. A new record type joins by
 * providing one more implementation; nothing else changes.
 */
public interface RecordDirectory {

  RecordType type();

  /** The type's name for people, singular and capitalised: "Client", "Deal". */
  String typeLabel();

  /** Those of {@code ids} that are live (not trashed) records of this type in the current workspace. */
  Map<UUID, RecordSummary> find(Collection<UUID> ids);

  /**
   * The summaries of records of {@code type} found by name, in the order given, each linked at
   * {@code pagePath} + its id (e.g. {@code /deals/}).
   */
  static Map<UUID, RecordSummary> summaries(RecordType type, String pagePath, Map<UUID, String> names) {
    var found = new LinkedHashMap<UUID, RecordSummary>();
    names.forEach((id, name) -> found.put(id, new RecordSummary(new RecordRef(type, id), name, pagePath + id)));
    return found;
  }
}
