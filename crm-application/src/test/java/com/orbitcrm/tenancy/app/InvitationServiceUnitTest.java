package com.orbitcrm.tenancy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantContext.Scope;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.Workspace;
import com.orbitcrm.tenancy.port.InvitationMail;
import com.orbitcrm.testing.InMemoryInvitations;
import com.orbitcrm.testing.InMemoryUsers;
import com.orbitcrm.testing.InMemoryWorkspaces;
import com.orbitcrm.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adding an existing account invites it; only the invited account joins, once, before the invitation expires. */
class InvitationServiceUnitTest {

  final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  final InMemoryUsers users = new InMemoryUsers(clock);
  final InMemoryWorkspaces workspaces = new InMemoryWorkspaces(users, clock);
  final InMemoryInvitations invitationRows = new InMemoryInvitations(users, clock);
  final List<InvitationMail.Message> sent = new ArrayList<>();
  final InvitationService invitations = TestMembers.invitations(invitationRows, users, workspaces, new InvitationMail() {
    @Override
    public boolean enabled() {
      return true;
    }

    @Override
    public void send(Message message) {
      sent.add(message);
    }
  }, clock);
  final MemberService members = TestMembers.over(users, workspaces, invitations);

  final TenantId tenant = new TenantId(UUID.randomUUID());
  UserAccount admin;
  UserAccount nina;
  UserAccount otto;

  @BeforeEach
  void aWorkspace() {
    workspaces.create(new Workspace(tenant, "Acme"));
    admin = users.person("Ada Admin", "ada@acme.example");
    nina = users.person("Nina Elsewhere", "nina@example.com");
    otto = users.person("Otto Other", "otto@example.com");
    workspaces.join(tenant, admin, Role.ADMIN);
  }

  IssuedInvitation invite(String email, Role role) {
    var added = as(admin, Role.ADMIN, () -> members.add(new AddMemberCommand(email, null, role.key(), null)));
    assertThat(added).isInstanceOf(MemberAdded.Invited.class);
    return ((MemberAdded.Invited) added).issued();
  }

  static String token(IssuedInvitation issued) {
    return issued.acceptUrl().substring(issued.acceptUrl().lastIndexOf('/') + 1);
  }

  @Test
  void anExistingAccountIsInvitedNotAddedAndTheInvitationIsMailed() {
    var issued = invite("NINA@example.com", Role.MEMBER);
    assertThat(issued.acceptUrl()).startsWith("https://orbit.test/invitations/inv_");
    assertThat(workspaces.roleOf(tenant, nina.id())).isEmpty();
    assertThat(sent).singleElement().satisfies(m -> {
      assertThat(m.to()).isEqualTo(new EmailAddress("nina@example.com"));
      assertThat(m.subject()).contains("Acme");
      assertThat(m.text()).contains(issued.acceptUrl()).contains("Ada Admin").doesNotContain("Nina Elsewhere");
    });
    // Even with a password, an existing account is only invited (its password is not the admin's to set).
    var withPassword = as(admin, Role.ADMIN, () -> members.add(new AddMemberCommand("otto@example.com", "O",
        "viewer", "some-new-password-1")));
    assertThat(withPassword).isInstanceOf(MemberAdded.Invited.class);
    assertThat(users.find(otto.id()).orElseThrow().passwordHash()).isEqualTo(otto.passwordHash());
  }

  @Test
  void theInvitedAccountAcceptsOnceAndJoinsWithTheRole() {
    var issued = invite("nina@example.com", Role.VIEWER);
    var joined = as(nina, Role.OWNER, () -> invitations.accept(token(issued)));
    assertThat(joined.tenant()).isEqualTo(tenant);
    assertThat(joined.workspaceName()).isEqualTo("Workspace");
    assertThat(workspaces.roleOf(tenant, nina.id())).contains(Role.VIEWER);
    assertThatThrownBy(() -> as(nina, Role.OWNER, () -> invitations.accept(token(issued))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("already been used");
  }

  @Test
  void anotherAccountIsRefusedAndDoesNotJoin() {
    var issued = invite("nina@example.com", Role.MEMBER);
    assertThatThrownBy(() -> invitations.accept(token(issued), otto.id()))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("another e-mail address");
    assertThat(workspaces.roleOf(tenant, otto.id())).isEmpty();
    assertThat(invitations.preview(token(issued)).refusal()).isEmpty();
  }

  @Test
  void expiredRevokedAndReplacedInvitationsAreRefused() {
    var expiring = invite("nina@example.com", Role.MEMBER);
    clock.advance(Duration.ofDays(7));
    assertThatThrownBy(() -> invitations.accept(token(expiring), nina.id())).hasMessageContaining("expired");

    var first = invite("nina@example.com", Role.MEMBER);
    var second = invite("nina@example.com", Role.ADMIN);
    assertThat(as(admin, Role.ADMIN, invitations::open)).singleElement()
        .satisfies(i -> assertThat(i.role()).isEqualTo(Role.ADMIN));
    assertThatThrownBy(() -> invitations.accept(token(first), nina.id())).hasMessageContaining("withdrawn");

    as(admin, Role.ADMIN, () -> {
      invitations.revoke(second.invitation().id());
      return null;
    });
    assertThatThrownBy(() -> invitations.accept(token(second), nina.id())).hasMessageContaining("withdrawn");
    assertThat(workspaces.roleOf(tenant, nina.id())).isEmpty();
    assertThatThrownBy(() -> invitations.accept("inv_nonsense", nina.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void anUnknownAddressWithoutPasswordIsInvitedAndCreatesItsAccountWhenAccepting() {
    var issued = invite("newbie@example.com", Role.MEMBER);
    assertThat(invitations.preview(token(issued)).accountExists()).isFalse();
    assertThatThrownBy(() -> invitations.acceptAsNewAccount(token(issued), "", "short"))
        .isInstanceOf(com.orbitcrm.platform.InvalidInputException.class);
    var account = invitations.acceptAsNewAccount(token(issued), "Newbie", "a-fine-long-password");
    assertThat(account.email().value()).isEqualTo("newbie@example.com");
    assertThat(workspaces.roleOf(tenant, account.id())).contains(Role.MEMBER);
  }

  @Test
  void aPersonSeesAndDeclinesTheirOwnInvitations() {
    invite("nina@example.com", Role.MEMBER);
    var mine = invitations.mine(nina.id());
    assertThat(mine).hasSize(1);
    assertThat(invitations.mine(otto.id())).isEmpty();
    assertThatThrownBy(() -> invitations.declineMine(otto.id(), mine.get(0).invitation().id()))
        .isInstanceOf(NotFoundException.class);
    invitations.declineMine(nina.id(), mine.get(0).invitation().id());
    assertThat(invitations.mine(nina.id())).isEmpty();
  }

  @Test
  void aMemberCannotBeInvitedAgainAndOnlyAdminsInvite() {
    assertThatThrownBy(() -> as(admin, Role.ADMIN, () -> members.add(new AddMemberCommand("ada@acme.example", null,
        "member", null)))).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> as(nina, Role.MEMBER, () -> members.add(new AddMemberCommand("otto@example.com", null,
        "member", null)))).isInstanceOf(ForbiddenException.class);
    assertThat(invitationRows.open(tenant)).isEmpty();
  }

  <T> T as(UserAccount user, Role role, Supplier<T> work) {
    return TenantContext.callAs(new Scope(tenant, user.id(), role), work);
  }
}
