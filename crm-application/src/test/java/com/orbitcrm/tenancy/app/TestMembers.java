package com.orbitcrm.tenancy.app;

import com.orbitcrm.tenancy.port.Users;
import com.orbitcrm.tenancy.port.Workspaces;

/** The real {@link MemberService} over a test's ports (its constructor is package-private). */
public final class TestMembers {

  private TestMembers() {}

  /** Passwords are "hashed" by a visible prefix: no slow hash in unit tests. */
  public static MemberService over(Users users, Workspaces workspaces) {
    return new MemberService(users, workspaces, raw -> "hashed:" + raw);
  }

  /** The real {@link WorkspaceCalendar} over a test's workspaces and clock. */
  public static WorkspaceCalendar calendar(Workspaces workspaces, java.time.Clock clock) {
    return new WorkspaceCalendar(workspaces, clock);
  }
}
