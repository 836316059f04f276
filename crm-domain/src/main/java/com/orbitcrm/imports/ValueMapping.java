package com.orbitcrm.imports;

import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.UserId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How a file's values become the workspace's: stages and owners.
 *
 * <p>A stage cell is taken, in this order, from the caller's mapping ({@code stages}: value → stage key), a
 * stage's key or label, "won"/"closed won" → the pipeline's first won stage, "lost"/"closed lost" → its first
 * lost one; anything else goes to {@code otherStage} when chosen, or the row is refused. An owner cell is taken
 * from the caller's mapping ({@code owners}: value → member id), a member's id, e-mail or name.
 *
 * @param stages file value → stage key.
 * @param otherStage the stage for values matched by nothing else; {@literal null}: such rows are refused.
 * @param owners file value → member id.
 */
public record ValueMapping(Map<String, String> stages, @Nullable String otherStage, Map<String, String> owners) {

  public static final ValueMapping NONE = new ValueMapping(Map.of(), null, Map.of());

  public ValueMapping {
    stages = Map.copyOf(stages);
    owners = Map.copyOf(owners);
  }

  /** Stage resolution for one pipeline. */
  public Stages stages(Pipeline pipeline) {
    return new Stages(pipeline, this);
  }

  /** Owner resolution among the workspace's members. */
  public Owners owners(List<Member> members) {
    return new Owners(members, this);
  }

  /** The stages of a pipeline as a file names them. */
  public static final class Stages {
    private final Pipeline pipeline;
    private final Map<String, String> byValue = new HashMap<>();
    private final @Nullable String other;

    Stages(Pipeline pipeline, ValueMapping mapping) {
      this.pipeline = pipeline;
      for (Stage s : pipeline.stages()) {
        byValue.put(ImportKind.normal(s.label()), s.key());
        byValue.put(ImportKind.normal(s.key()), s.key());
      }
      first(StageKind.WON).ifPresent(k -> {
        byValue.putIfAbsent("won", k);
        byValue.putIfAbsent("closedwon", k);
      });
      first(StageKind.LOST).ifPresent(k -> {
        byValue.putIfAbsent("lost", k);
        byValue.putIfAbsent("closedlost", k);
      });
      mapping.stages().forEach((value, key) -> byValue.put(ImportKind.normal(value), key));
      this.other = mapping.otherStage();
    }

    private Optional<String> first(StageKind kind) {
      return pipeline.stages().stream().filter(s -> s.kind() == kind).map(Stage::key).findFirst();
    }

    /**
     * The stage key of a cell; {@literal null} for a blank cell (the pipeline's first stage).
     *
     * @throws IllegalArgumentException with a message for the user when the value names no stage.
     */
    public @Nullable String of(@Nullable String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      String key = byValue.get(ImportKind.normal(value));
      if (key != null) {
        return key;
      }
      if (other != null) {
        return other;
      }
      throw new IllegalArgumentException("\"" + value + "\" is not a stage (one of "
          + String.join(", ", pipeline.keys()) + "): map it to one");
    }
  }

  /** The members of a workspace as a file names them. */
  public static final class Owners {
    private final Map<String, UserId> byValue = new HashMap<>();

    Owners(List<Member> members, ValueMapping mapping) {
      for (Member m : members) {
        byValue.put(m.user().value().toString(), m.user());
        byValue.put(m.email().value().toLowerCase(Locale.ROOT), m.user());
        byValue.putIfAbsent(m.name().strip().toLowerCase(Locale.ROOT), m.user());
      }
      mapping.owners().forEach((value, id) -> {
        try {
          byValue.put(value.strip().toLowerCase(Locale.ROOT), new UserId(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
          // Not an id: the value stays unmatched and its rows say so.
        }
      });
    }

    /**
     * The member a cell names (id, e-mail or name); {@literal null} for a blank cell.
     *
     * @throws IllegalArgumentException with a message for the user when it names no member.
     */
    public @Nullable UserId of(@Nullable String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      UserId id = byValue.get(value.strip().toLowerCase(Locale.ROOT));
      if (id == null) {
        throw new IllegalArgumentException("\"" + value + "\" is not a member of this workspace (give an id, "
            + "e-mail or name, or map it to one)");
      }
      return id;
    }
  }
}
