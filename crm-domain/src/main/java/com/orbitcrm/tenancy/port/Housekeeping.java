package com.orbitcrm.tenancy.port;

import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Secondary port: which workspaces have housekeeping to do. The application role cannot list workspaces
 * nor see another's rows; these answers come from narrowly granted database functions that reveal
 * workspace ids only. The work itself is then done inside each workspace, under row-level security.
 */
public interface Housekeeping {

  /** Workspaces with clients or deals in the trash since before {@code cutoff}. */
  List<TenantId> workspacesWithTrashBefore(Instant cutoff);

  /** Workspaces with event publications that were never completed (to redeliver). */
  List<TenantId> workspacesWithPendingEvents();

  /** Deletes completed event publications older than {@code cutoff}, in every workspace. */
  long deleteCompletedEventsBefore(Instant cutoff);
}
