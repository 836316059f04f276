package com.orbitcrm.platform;

import java.time.Instant;

/**
 * A module's trash, emptied of what has been there longer than its {@link RestoreWindow}: implemented by
 * each module that trashes records, called for every workspace that has such records by the scheduled
 * housekeeping (never by a request: no GET changes data). Purging publishes the module's purge events, so
 * that other modules remove what they attached to the records.
 */
public interface ExpiringTrash {

  /** Deletes for good, in the current workspace, the records trashed before {@code window.cutoff(now)}. */
  int purgeExpired(Instant now);
}
