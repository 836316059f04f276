package com.orbitcrm.tenancy.app;

import com.orbitcrm.platform.PublicLinks;
import com.orbitcrm.tenancy.port.InvitationMail;
import com.orbitcrm.tenancy.port.Invitations;
import com.orbitcrm.tenancy.port.Users;
import com.orbitcrm.tenancy.port.Workspaces;
import com.orbitcrm.testing.InMemoryInvitations;
import com.orbitcrm.testing.InMemoryUsers;
import java.time.Clock;
import java.time.Duration;
import org.springframework.transaction.support.TransactionOperations;

/** The real {@link MemberService} over a test's ports (its constructor is package-private). */
public final class TestMembers {

  private TestMembers() {}

  /** Passwords are "hashed" by a visible prefix: no slow hash in unit tests. */
  public static MemberService over(Users users, Workspaces workspaces) {
    var clock = Clock.systemUTC();
    var invitations = users instanceof InMemoryUsers inMemory ? new InMemoryInvitations(inMemory, clock) : null;
    return over(users, workspaces, invitations(invitations, users, workspaces, NO_MAIL, clock));
  }

  static MemberService over(Users users, Workspaces workspaces, InvitationService invitations) {
    return new MemberService(users, workspaces, raw -> "hashed:" + raw, invitations);
  }

  /** The real {@link InvitationService}, without transactions, links under https://orbit.test. */
  static InvitationService invitations(Invitations invitations, Users users, Workspaces workspaces, InvitationMail mail,
                                       Clock clock) {
    return new InvitationService(invitations, users, workspaces, raw -> "hashed:" + raw,
        new TenancyMailer(mail, PublicLinks.fixed("https://orbit.test")), TransactionOperations.withoutTransaction(),
        clock, Duration.ofDays(7));
  }

  static final InvitationMail NO_MAIL = new InvitationMail() {
    @Override
    public boolean enabled() {
      return false;
    }

    @Override
    public void send(Message message) {
      throw new AssertionError("mail is off");
    }
  };

  /** The real {@link WorkspaceCalendar} over a test's workspaces and clock. */
  public static WorkspaceCalendar calendar(Workspaces workspaces, java.time.Clock clock) {
    return new WorkspaceCalendar(workspaces, clock);
  }
}
