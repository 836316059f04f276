package com.orbitcrm.imports;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One import: its file's name, the user's choices, where it stands ({@link ImportStatus}) and its figures.
 * The life of a job is here: queued → running → completed or failed, a dry run confirmed into a real run,
 * progress as batches commit, the rate and time left, and the undo window ({@link #UNDO_WINDOW}).
 *
 * @param total the file's data rows (known once the file has been read).
 * @param processed rows handled so far (committed batches).
 */
public record ImportJob(UUID id, TenantId tenant, ImportKind kind, ImportStatus status, boolean dryRun,
                        String fileName, ImportSettings settings, int total, int processed, int created, int updated,
                        int rejected, @Nullable String error, @Nullable UserId createdBy, Instant createdAt,
                        @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Instant undoneAt) {

  /** An import can be undone for this long after it finished. */
  public static final Duration UNDO_WINDOW = Duration.ofDays(7);
  /** The largest file accepted. */
  public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
  /** The most data rows in one file. */
  public static final int MAX_ROWS = 500_000;
  /** The largest cell. */
  public static final int MAX_CELL_CHARS = 1024 * 1024;

  public ImportJob {
    Objects.requireNonNull(id);
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(status);
    Objects.requireNonNull(settings);
  }

  /** A new job for an uploaded file: queued at once (the API), or a draft waiting for its mapping (the browser). */
  public static ImportJob create(UUID id, TenantId tenant, ImportKind kind, String fileName, ImportSettings settings,
                                 boolean dryRun, boolean queued, @Nullable UserId by, Instant now) {
    return new ImportJob(id, tenant, kind, queued ? ImportStatus.QUEUED : ImportStatus.DRAFT, dryRun, fileName,
        settings, 0, 0, 0, 0, 0, null, by, now, null, null, null);
  }

  /** The draft with the user's choices, queued (for a dry run or for real). */
  public ImportJob queue(ImportSettings chosen, boolean asDryRun) {
    if (status != ImportStatus.DRAFT && !(status == ImportStatus.COMPLETED && dryRun)) {
      throw new IllegalStateException("only a draft or a finished dry run can be queued, this one is " + status.key());
    }
    return new ImportJob(id, tenant, kind, ImportStatus.QUEUED, asDryRun, fileName, chosen, 0, 0, 0, 0, 0, null,
        createdBy, createdAt, null, null, null);
  }

  /** Whether {@link #queue} may be called: a draft, or a dry run that completed. */
  public boolean canQueue() {
    return status == ImportStatus.DRAFT || status == ImportStatus.COMPLETED && dryRun;
  }

  /** Picked by a runner (again, after a restart: progress so far is kept). */
  public ImportJob start(Instant now) {
    if (status.finished() || status == ImportStatus.DRAFT) {
      throw new IllegalStateException("a " + status.key() + " import cannot start");
    }
    return new ImportJob(id, tenant, kind, ImportStatus.RUNNING, dryRun, fileName, settings, total, processed,
        created, updated, rejected, null, createdBy, createdAt, startedAt == null ? now : startedAt, null, null);
  }

  public ImportJob completed(Instant now) {
    return finish(ImportStatus.COMPLETED, null, now);
  }

  public ImportJob failed(String reason, Instant now) {
    return finish(ImportStatus.FAILED, reason, now);
  }

  private ImportJob finish(ImportStatus to, @Nullable String reason, Instant now) {
    return new ImportJob(id, tenant, kind, to, dryRun, fileName, settings, total, processed, created, updated,
        rejected, reason, createdBy, createdAt, startedAt, now, undoneAt);
  }

  /** The job with its figures after a committed batch (or zero, for a run begun again). */
  public ImportJob withProgress(int rows, Progress p) {
    return new ImportJob(id, tenant, kind, status, dryRun, fileName, settings, rows, p.processed(), p.created(),
        p.updated(), p.rejected(), error, createdBy, createdAt, startedAt, finishedAt, undoneAt);
  }

  /** The job with other choices (a preview of a mapping not yet saved). */
  public ImportJob withSettings(ImportSettings next) {
    return new ImportJob(id, tenant, kind, status, dryRun, fileName, next, total, processed, created, updated,
        rejected, error, createdBy, createdAt, startedAt, finishedAt, undoneAt);
  }

  public Progress progress() {
    return new Progress(processed, created, updated, rejected);
  }

  /** Rows handled per second since the job started (0 before). */
  public double rowsPerSecond(Instant now) {
    if (startedAt == null || processed == 0) {
      return 0;
    }
    Instant end = finishedAt == null ? now : finishedAt;
    long millis = Math.max(1, Duration.between(startedAt, end).toMillis());
    return processed * 1000.0 / millis;
  }

  /** Seconds left at the current rate, when there is one. */
  public OptionalLong secondsLeft(Instant now) {
    double rate = rowsPerSecond(now);
    if (status != ImportStatus.RUNNING || rate <= 0 || total == 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of((long) Math.ceil(Math.max(0, total - processed) / rate));
  }

  /** Whole percent done (100 when finished). */
  public int percent() {
    if (status.finished()) {
      return 100;
    }
    return total == 0 ? 0 : (int) Math.min(100, processed * 100L / total);
  }

  /** Whether the import can still be undone at {@code now}: it wrote something, within the window, once. */
  public boolean undoableAt(Instant now) {
    return status == ImportStatus.COMPLETED && !dryRun && undoneAt == null && finishedAt != null
        && (created > 0 || updated > 0) && finishedAt.plus(UNDO_WINDOW).isAfter(now);
  }

  public ImportJob undone(Instant now) {
    if (!undoableAt(now)) {
      throw new IllegalStateException("this import cannot be undone");
    }
    return new ImportJob(id, tenant, kind, status, dryRun, fileName, settings, total, processed, created, updated,
        rejected, error, createdBy, createdAt, startedAt, finishedAt, now);
  }
}
