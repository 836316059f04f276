package com.orbitcrm.platform;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;

/**
 * The usual {@link RecordDirectory}: records of one type known by a name, each linked at
 * {@code pagePath} + its id. A module that owns records says only how to find the names of live ones.
 */
public abstract class NamedRecords implements RecordDirectory {

  private final RecordType type;
  private final String typeLabel;
  private final String pagePath;

  protected NamedRecords(RecordType type, String typeLabel, String pagePath) {
    this.type = type;
    this.typeLabel = typeLabel;
    this.pagePath = pagePath;
  }

  @Override
  public RecordType type() {
    return type;
  }

  @Override
  public String typeLabel() {
    return typeLabel;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<UUID, RecordSummary> find(Collection<UUID> ids) {
    return ids.isEmpty() ? Map.of() : RecordDirectory.summaries(type, pagePath, names(ids));
  }

  /** The names of those of {@code ids} that are live records of this type in the current workspace. */
  protected abstract Map<UUID, String> names(Collection<UUID> ids);
}
