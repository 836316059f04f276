package com.orbitcrm.imports.web;

import com.orbitcrm.imports.ImportJob;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import as the API answers it: {@code {id, entity, status, total, processed, created, updated, rejected}}
 * and its times, rate and time left.
 */
record ImportJson(UUID id, String entity, String status, boolean dryRun, String fileName, int total, int processed,
                  int created, int updated, int rejected, @Nullable String error, long rowsPerSecond,
                  @Nullable Long secondsLeft, boolean undoable, Instant createdAt, @Nullable Instant startedAt,
                  @Nullable Instant finishedAt, @Nullable Instant undoneAt) {

  static ImportJson of(ImportJob j, Instant now) {
    var left = j.secondsLeft(now);
    return new ImportJson(j.id(), j.kind().key(), j.status().key(), j.dryRun(), j.fileName(), j.total(),
        j.processed(), j.created(), j.updated(), j.rejected(), j.error(), Math.round(j.rowsPerSecond(now)),
        left.isPresent() ? left.getAsLong() : null, j.undoableAt(now), j.createdAt(), j.startedAt(),
        j.finishedAt(), j.undoneAt());
  }
}
