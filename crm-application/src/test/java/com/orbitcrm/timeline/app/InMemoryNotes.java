package com.orbitcrm.timeline.app;

import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.StoreOrder;
import com.orbitcrm.timeline.Note;
import com.orbitcrm.timeline.port.Notes;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The notes of every workspace, in memory, as {@code JooqNotes} and the schema keep them: an insert
 * stores version 0 and no {@code deletedAt}; an update writes content, pin and colour of a live note of
 * that version only, and bumps the version; trash and restore change live (trashed) notes only and bump
 * it too; a record's notes are pinned first, then newest first.
 */
class InMemoryNotes implements Notes {

  private static final Comparator<Note> PINNED_THEN_NEWEST = Comparator.comparing(Note::pinned)
      .thenComparing(Note::createdAt).thenComparing(Note::id, StoreOrder.UUIDS).reversed();

  private record Key(TenantId tenant, UUID id) {}

  private final Map<Key, Note> rows = new LinkedHashMap<>();

  List<Note> all() {
    return List.copyOf(rows.values());
  }

  @Override
  public void insert(Note n) {
    if (rows.putIfAbsent(new Key(n.tenant(), n.id()), new Note(n.id(), n.tenant(), n.entity(), n.content(),
        n.pinned(), n.color(), n.createdBy(), n.createdAt(), n.updatedAt(), null, 0)) != null) {
      throw new IllegalStateException("duplicate note id " + n.id());
    }
  }

  @Override
  public Optional<Note> find(TenantId tenant, UUID id) {
    return Optional.ofNullable(rows.get(new Key(tenant, id)));
  }

  @Override
  public List<Note> of(TenantId tenant, RecordRef entity, int limit) {
    return rows.values().stream()
        .filter(n -> n.tenant().equals(tenant) && n.entity().equals(entity) && n.deletedAt() == null)
        .sorted(PINNED_THEN_NEWEST)
        .limit(limit)
        .toList();
  }

  @Override
  public boolean update(Note n) {
    var key = new Key(n.tenant(), n.id());
    Note stored = rows.get(key);
    if (stored == null || stored.deletedAt() != null || stored.version() != n.version()) {
      return false;
    }
    rows.put(key, new Note(stored.id(), stored.tenant(), stored.entity(), n.content(), n.pinned(), n.color(),
        stored.createdBy(), stored.createdAt(), n.updatedAt(), null, stored.version() + 1));
    return true;
  }

  @Override
  public boolean trash(TenantId tenant, UUID id, Instant at) {
    return replace(tenant, id, false, at);
  }

  @Override
  public boolean restore(TenantId tenant, UUID id) {
    return replace(tenant, id, true, null);
  }

  private boolean replace(TenantId tenant, UUID id, boolean trashed, Instant deletedAt) {
    var key = new Key(tenant, id);
    Note s = rows.get(key);
    if (s == null || (s.deletedAt() != null) != trashed) {
      return false;
    }
    rows.put(key, new Note(s.id(), s.tenant(), s.entity(), s.content(), s.pinned(), s.color(), s.createdBy(),
        s.createdAt(), deletedAt == null ? s.updatedAt() : deletedAt, deletedAt, s.version() + 1));
    return true;
  }

  @Override
  public int deleteAllOf(TenantId tenant, RecordRef entity) {
    List<Key> gone = rows.keySet().stream()
        .filter(k -> k.tenant().equals(tenant) && rows.get(k).entity().equals(entity)).toList();
    gone.forEach(rows::remove);
    return gone.size();
  }
}
