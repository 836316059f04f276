package com.orbitcrm.imports;

/**
 * What one committed batch did: rows handled (up to and including the file's row {@code processed}), records
 * created and updated, rows refused.
 */
public record Progress(int processed, int created, int updated, int rejected) {

  public static final Progress NONE = new Progress(0, 0, 0, 0);

  public Progress plus(Progress other) {
    return new Progress(processed + other.processed, created + other.created, updated + other.updated,
        rejected + other.rejected);
  }
}
