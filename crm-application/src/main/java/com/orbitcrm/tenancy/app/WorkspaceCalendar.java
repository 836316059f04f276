package com.orbitcrm.tenancy.app;

import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.Workspace;
import com.orbitcrm.tenancy.port.Workspaces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current workspace's calendar: what day it is where the team works. A deal closed at 22:00 in New
 * York on the 30th is closed on the 30th, not on the 1st of the next month as UTC would have it — and the
 * dashboard counts it in the month the team saw it close.
 */
@Service
public class WorkspaceCalendar {

  private final Workspaces workspaces;
  private final Clock clock;

  WorkspaceCalendar(Workspaces workspaces, Clock clock) {
    this.workspaces = workspaces;
    this.clock = clock;
  }

  /** The current workspace's time zone (UTC for a workspace that is not found, as a new one starts). */
  @Transactional(readOnly = true)
  public ZoneId zone() {
    return workspaces.find(TenantContext.requireTenant()).map(Workspace::timeZone).orElse(ZoneOffset.UTC);
  }

  /** Today in the current workspace's time zone. */
  @Transactional(readOnly = true)
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone()));
  }
}
