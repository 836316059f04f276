package com.orbitcrm.tenancy.app;

import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.TimeZones;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.Density;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.port.Users;
import com.orbitcrm.tenancy.port.Workspaces;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's own settings: the time zone their calendar and times are shown in. Someone who
 * has not chosen one sees the workspace's zone (where the team works).
 */
@Service
public class ProfileService {

  private final Users users;
  private final WorkspaceCalendar workspace;
  private final Workspaces workspaces;

  ProfileService(Users users, WorkspaceCalendar workspace, Workspaces workspaces) {
    this.users = users;
    this.workspace = workspace;
    this.workspaces = workspaces;
  }

  /** How dense the current member likes this workspace's tables and cards ({@code comfortable}, {@code compact}). */
  @Transactional
  public Density changeDensity(@Nullable String raw) {
    var scope = TenantContext.require();
    Density density = Density.parse(raw);
    workspaces.changeDensity(scope.tenant(), scope.requireUser(), density);
    return density;
  }

  /** The zone times are shown in to the current user: their own, else the workspace's. */
  @Transactional(readOnly = true)
  public ZoneId zone() {
    var user = TenantContext.require().user();
    return user == null ? workspace.zone() : zoneOf(user);
  }

  /** The zone of a member of the current workspace (their own, else the workspace's). */
  @Transactional(readOnly = true)
  public ZoneId zoneOf(UserId user) {
    return users.timeZone(user).orElseGet(workspace::zone);
  }

  /** The zone the current user chose, if any. */
  @Transactional(readOnly = true)
  public Optional<ZoneId> chosenZone() {
    var user = TenantContext.require().user();
    return user == null ? Optional.empty() : users.timeZone(user);
  }

  /** Chooses the current user's zone; blank goes back to the workspace's. */
  @Transactional
  public void changeZone(@Nullable String raw) {
    UserId user = TenantContext.require().requireUser();
    if (raw == null || raw.isBlank()) {
      users.changeTimeZone(user, null);
      return;
    }
    users.changeTimeZone(user, parse(raw));
  }

  /** An IANA zone name ("Europe/Paris", "UTC"); anything else is a 400 on {@code timeZone}. */
  public static ZoneId parse(String raw) {
    return TimeZones.parse(raw).orElseThrow(() ->
        InvalidInputException.of("timeZone", "is not a time zone (use an IANA name such as America/New_York)"));
  }

  /** The zones a person may choose, by name. */
  public List<String> zones() {
    return TimeZones.names();
  }
}
