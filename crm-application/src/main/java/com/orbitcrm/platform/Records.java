package com.orbitcrm.platform;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Any record" for the modules that attach things to records of others (timeline, custom fields,
 * meetings, imports, insights): parses a reference, and asks the owning module — through its
 * {@link RecordDirectory} — whether it exists in the current workspace, and how it is called and linked.
 * The record types are those some module answers for; this class knows none of them by name.
 */
@Component
public class Records {

  private final Map<RecordType, RecordDirectory> directories;

  Records(List<RecordDirectory> directories) {
    var byType = new LinkedHashMap<RecordType, RecordDirectory>();
    directories.stream()
        .sorted((a, b) -> a.type().key().compareTo(b.type().key()))
        .forEach(d -> {
          if (byType.putIfAbsent(d.type(), d) != null) {
            throw new IllegalStateException("two modules answer for records of type " + d.type());
          }
        });
    this.directories = Map.copyOf(byType);
  }

  /** The record types some module answers for, in key order. */
  public List<RecordType> types() {
    return directories.keySet().stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
  }

  public Optional<RecordType> type(@Nullable String key) {
    if (key == null) {
      return Optional.empty();
    }
    var type = key.strip().toLowerCase(Locale.ROOT);
    return directories.keySet().stream().filter(t -> t.key().equals(type)).findFirst();
  }

  /**
   * A reference typed into a body or a form ({@code entityType}, {@code entityId}); an unknown type or a
   * malformed id is a 400 on that field.
   */
  public RecordRef parse(@Nullable String type, @Nullable String id) {
    RecordType recordType = type(type).orElseThrow(() -> InvalidInputException.of("entityType",
        "must be one of " + types().stream().map(RecordType::key).collect(Collectors.joining(", "))));
    try {
      return new RecordRef(recordType, UUID.fromString(id == null ? "" : id.strip()));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("entityId", "is not an id");
    }
  }

  /**
   * A reference named in a path ({@code /…/{entityType}/{entityId}}): a malformed or unknown one names
   * nothing in this workspace, so it is a 404 like any id of another workspace.
   */
  public RecordRef parsePath(String type, String id) {
    try {
      return parse(type, id);
    } catch (InvalidInputException e) {
      throw new NotFoundException(type(type).map(this::typeLabel).orElse("Record"));
    }
  }

  /** The record, if it is live in the current workspace. */
  public Optional<RecordSummary> find(RecordRef ref) {
    return Optional.ofNullable(find(List.of(ref)).get(ref));
  }

  /** Those of {@code refs} that are live records of the current workspace (one query per type). */
  public Map<RecordRef, RecordSummary> find(Collection<RecordRef> refs) {
    Map<RecordType, Set<UUID>> byType = refs.stream().collect(Collectors.groupingBy(RecordRef::type,
        Collectors.mapping(RecordRef::id, Collectors.toSet())));
    var found = new HashMap<RecordRef, RecordSummary>();
    byType.forEach((type, ids) -> {
      RecordDirectory directory = directories.get(type);
      if (directory != null) {
        directory.find(ids).values().forEach(s -> found.put(s.ref(), s));
      }
    });
    return found;
  }

  /** @throws NotFoundException ("Client not found") when it is not a live record of this workspace. */
  public RecordSummary require(RecordRef ref) {
    return find(ref).orElseThrow(() -> new NotFoundException(typeLabel(ref.type())));
  }

  /** As {@link #require}, for a reference named in a body: a missing record is a 400 on {@code entityId}. */
  public RecordSummary requireReferenced(RecordRef ref) {
    return find(ref).orElseThrow(() ->
        InvalidInputException.of("entityId", "is not a " + ref.type().key() + " of this workspace"));
  }

  /** "Client", "Deal"; the key for a type no module answers for. */
  public String typeLabel(RecordType type) {
    RecordDirectory directory = directories.get(type);
    return directory == null ? type.key() : directory.typeLabel();
  }
}
