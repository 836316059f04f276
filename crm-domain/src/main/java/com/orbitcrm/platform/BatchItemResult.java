package com.orbitcrm.platform;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What became of one input of a batch write, at its place in the batch.
 *
 * @param index the input's position in the batch, from 0.
 * @param id the record created or updated; {@literal null} when refused.
 * @param errors the reasons it was refused; empty unless {@code status} is {@link Status#ERROR}.
 */
public record BatchItemResult(int index, @Nullable UUID id, Status status, List<FieldViolation> errors) {

  /** The three outcomes of an item; {@link #key()} is what the API writes. */
  public enum Status {
    CREATED, UPDATED, ERROR;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public BatchItemResult {
    Objects.requireNonNull(status);
    errors = List.copyOf(errors);
    if ((status == Status.ERROR) == errors.isEmpty() || (status == Status.ERROR) != (id == null)) {
      throw new IllegalArgumentException("an error has reasons and no id; a write has an id and no reasons");
    }
  }

  public static BatchItemResult created(int index, UUID id) {
    return new BatchItemResult(index, id, Status.CREATED, List.of());
  }

  public static BatchItemResult updated(int index, UUID id) {
    return new BatchItemResult(index, id, Status.UPDATED, List.of());
  }

  public static BatchItemResult error(int index, List<FieldViolation> errors) {
    return new BatchItemResult(index, null, Status.ERROR, errors);
  }

  public boolean ok() {
    return status != Status.ERROR;
  }
}
