package com.orbitcrm.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long something deleted can still be brought back: 30 days for trashed clients and deals (then a
 * scheduled job purges them), a day for a deleted note's undo.
 */
public record RestoreWindow(Duration length) {

  public static final RestoreWindow TRASH = new RestoreWindow(Duration.ofDays(30));
  public static final RestoreWindow UNDO = new RestoreWindow(Duration.ofDays(1));

  public RestoreWindow {
    Objects.requireNonNull(length);
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("a restore window must be positive: " + length);
    }
  }

  /** Whether what was deleted at {@code deletedAt} may still be restored at {@code now}. */
  public boolean open(Instant deletedAt, Instant now) {
    return deletedAt.plus(length).isAfter(now);
  }

  /** Deleted before this instant: expired at {@code now}. */
  public Instant cutoff(Instant now) {
    return now.minus(length);
  }

  /** Whole days left to restore, as the trash pages count them: the window's days less the whole days gone. */
  public long daysLeft(Instant deletedAt, Instant now) {
    return Math.max(0, length.toDays() - Duration.between(deletedAt, now).toDays());
  }

  public long days() {
    return length.toDays();
  }
}
