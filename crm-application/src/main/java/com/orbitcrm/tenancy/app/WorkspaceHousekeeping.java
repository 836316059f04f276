package com.orbitcrm.tenancy.app;

import com.orbitcrm.platform.ExpiringTrash;
import com.orbitcrm.platform.RestoreWindow;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.port.Housekeeping;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.core.log.LogAccessor;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Work done for every workspace, never inside a request (no GET changes data):
 * <ul>
 *   <li>empties the trash of what has been there longer than {@link RestoreWindow#TRASH} (each module
 *       through its {@link ExpiringTrash}, which publishes the purge events other modules clean up on);</li>
 *   <li>delivers again the event publications left incomplete for a while (by a stop, a crash or a failed
 *       listener);</li>
 *   <li>deletes completed event publications after a week.</li>
 * </ul>
 * Each workspace's work runs in that workspace's scope, so row-level security applies as in a request. What
 * calls these, and how often, is the application's business: it runs each as a job that one instance at a time
 * picks (crm-app, {@code tenancy.schedule}).
 */
@Component
public class WorkspaceHousekeeping {

  private static final LogAccessor log = new LogAccessor(WorkspaceHousekeeping.class);
  static final Duration KEEP_COMPLETED_EVENTS = Duration.ofDays(7);

  private final Housekeeping housekeeping;
  private final List<ExpiringTrash> trash;
  private final IncompleteEventPublications incomplete;
  private final Clock clock;

  WorkspaceHousekeeping(Housekeeping housekeeping, List<ExpiringTrash> trash, IncompleteEventPublications incomplete,
                        Clock clock) {
    this.housekeeping = housekeeping;
    this.trash = trash;
    this.incomplete = incomplete;
    this.clock = clock;
  }

  /** Purges expired trash in every workspace that has some; answers how many records went. */
  public int purgeExpiredTrash() {
    var now = clock.instant();
    int purged = 0;
    for (TenantId tenant : housekeeping.workspacesWithTrashBefore(RestoreWindow.TRASH.cutoff(now))) {
      for (ExpiringTrash bin : trash) {
        purged += TenantContext.callAs(TenantContext.Scope.system(tenant), () -> bin.purgeExpired(now));
      }
    }
    if (purged > 0) {
      int count = purged;
      log.info(() -> "Purged " + count + " records whose " + RestoreWindow.TRASH.days() + " days in the trash were over");
    }
    return purged;
  }

  /**
   * Delivers again, each workspace's in its own scope, the events still undelivered after {@code olderThan}:
   * long enough that no instance is still delivering them (a listener runs right after its event's commit).
   */
  public void redeliverStuckEvents(Duration olderThan) {
    for (TenantId tenant : housekeeping.workspacesWithPendingEvents()) {
      TenantContext.runAs(TenantContext.Scope.system(tenant),
          () -> incomplete.resubmitIncompletePublicationsOlderThan(olderThan));
    }
  }

  public void deleteCompletedEvents() {
    housekeeping.deleteCompletedEventsBefore(clock.instant().minus(KEEP_COMPLETED_EVENTS));
  }
}
