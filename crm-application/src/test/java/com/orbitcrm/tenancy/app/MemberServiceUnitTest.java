package com.orbitcrm.tenancy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantContext.Scope;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.testing.InMemoryUsers;
import com.orbitcrm.testing.InMemoryWorkspaces;
import com.orbitcrm.testing.TestClock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Membership rules against in-memory ports (and so the fakes the other use case tests lean on). */
class MemberServiceUnitTest {

  final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  final InMemoryUsers users = new InMemoryUsers(clock);
  final InMemoryWorkspaces workspaces = new InMemoryWorkspaces(users, clock);
  final MemberService service = TestMembers.over(users, workspaces);

  final TenantId tenant = new TenantId(UUID.randomUUID());
  final TenantId otherTenant = new TenantId(UUID.randomUUID());
  UserAccount owner;
  UserAccount admin;
  UserAccount outsider;

  @BeforeEach
  void aWorkspace() {
    owner = users.person("Olga Owner", "olga@acme.example");
    admin = users.person("Ada Admin", "ada@acme.example");
    outsider = users.person("Otto Outsider", "otto@globex.example");
    workspaces.join(tenant, owner, Role.OWNER);
    workspaces.join(tenant, admin, Role.ADMIN);
    workspaces.join(otherTenant, outsider, Role.OWNER);
  }

  @Test
  void membershipIsPerWorkspace() {
    assertThat(as(admin, Role.ADMIN, () -> service.isMember(owner.id()))).isTrue();
    assertThat(as(admin, Role.ADMIN, () -> service.isMember(outsider.id()))).isFalse();
    assertThat(as(admin, Role.ADMIN, service::members)).extracting(Member::name)
        .containsExactlyInAnyOrder("Olga Owner", "Ada Admin");
  }

  @Test
  void anAdminAddsAColleagueButMayNotMakeAnOwner() {
    MemberAdded added = as(admin, Role.ADMIN, () -> service.add(new AddMemberCommand("new@acme.example", "Nina New",
        "member", "correct horse battery")));
    assertThat(added).isInstanceOfSatisfying(MemberAdded.Joined.class,
        joined -> assertThat(joined.member().role()).isEqualTo(Role.MEMBER));
    assertThat(users.findByEmail(new EmailAddress("new@acme.example")).orElseThrow().passwordHash())
        .isEqualTo("hashed:correct horse battery");

    assertThatThrownBy(() -> as(admin, Role.ADMIN, () -> service.add(new AddMemberCommand("otto@globex.example",
        null, "owner", null)))).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> as(admin, Role.ADMIN, () -> service.add(new AddMemberCommand("ada@acme.example",
        null, "viewer", null)))).isInstanceOf(ConflictException.class);
    assertThat(as(admin, Role.ADMIN, () -> service.isMember(outsider.id()))).isFalse();
  }

  @Test
  void theLastOwnerStays() {
    assertThatThrownBy(() -> as(owner, Role.OWNER, () -> service.changeRole(owner.id(), "admin")))
        .isInstanceOf(ConflictException.class);
    assertThat(workspaces.roleOf(tenant, owner.id())).contains(Role.OWNER);

    as(owner, Role.OWNER, () -> service.changeRole(admin.id(), "owner"));
    assertThat(as(owner, Role.OWNER, () -> service.changeRole(owner.id(), "admin")).role()).isEqualTo(Role.ADMIN);
  }

  <T> T as(UserAccount user, Role role, Supplier<T> work) {
    return TenantContext.callAs(new Scope(tenant, user.id(), role), work);
  }
}
