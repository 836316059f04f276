package com.orbitcrm.clients.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.ClientPage;
import com.orbitcrm.clients.ClientPurged;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.ClientSort;
import com.orbitcrm.clients.ClientStatus;
import com.orbitcrm.clients.ClientTrashed;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantContext.Scope;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.app.TestMembers;
import com.orbitcrm.testing.InMemoryClients;
import com.orbitcrm.testing.InMemoryUsers;
import com.orbitcrm.testing.InMemoryWorkspaces;
import com.orbitcrm.testing.TestTeam;
import com.orbitcrm.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clients use cases against in-memory ports: no Spring, no database. */
class ClientServiceUnitTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  final TestClock clock = new TestClock(T0);
  final TestTeam team = new TestTeam(clock);
  final InMemoryUsers users = team.users;
  final InMemoryWorkspaces workspaces = team.workspaces;
  final InMemoryClients clients = new InMemoryClients();
  /** Events for other modules' clean-up (trash, purge). */
  final List<Object> events = new ArrayList<>();
  /** ClientsCreated and ClientsUpdated: what integrations send on. */
  final List<Object> written = new ArrayList<>();
  final ClientService service = new ClientService(clients, TestMembers.over(users, workspaces),
      com.orbitcrm.testing.NoCustomFields.service(),
      e -> (e instanceof com.orbitcrm.clients.ClientsCreated || e instanceof com.orbitcrm.clients.ClientsUpdated
          ? written : events).add(e), clock);

  final TenantId tenant = team.tenant;
  final TenantId otherTenant = team.otherTenant;
  final UserAccount member = team.member;
  final UserAccount admin = team.admin;
  final UserAccount viewer = team.viewer;
  final UserAccount outsider = team.outsider;

  @Test
  void createStoresTheCheckedFieldsAndStampsTheAccountOwner() {
    Client client = team.asMember(() -> service.create(ClientDraft.empty().with("name", " Acme Corp ").with("state", "tx")
        .with("accountOwnerId", admin.id().toString())));

    assertThat(client.details().name()).isEqualTo("Acme Corp");
    assertThat(client.details().state()).isEqualTo("TX");
    assertThat(client.details().status()).isEqualTo(ClientStatus.ACTIVE);
    assertThat(client.details().accountOwnerId()).isEqualTo(admin.id());
    assertThat(client.accountOwnerAssignedDate()).isEqualTo(T0);
    assertThat(client.createdBy()).isEqualTo(member.id());
    assertThat(client.tenant()).isEqualTo(tenant);
    assertThat(client.version()).isZero();
    assertThat(events).isEmpty();
    assertThat(written).containsExactly(new com.orbitcrm.clients.ClientsCreated(tenant, List.of(client.id()),
        member.id(), T0));
    assertThatThrownBy(() -> team.as(viewer, Role.VIEWER, () -> service.create(ClientDraft.empty().with("name", "X"))))
        .isInstanceOf(ForbiddenException.class);
    assertThat(clients.all()).hasSize(1);
  }

  @Test
  void aBatchKeepsEveryRuleOfTheSingleCreateAndUpdateAndWritesOnlyTheValidItems() {
    var written = team.asMember(() -> service.createAll(List.of(
        new ClientService.NewClient(ClientDraft.empty().with("name", " Batch A ").with("state", "tx"), java.util.Map.of(), null),
        new ClientService.NewClient(ClientDraft.empty().with("state", "Texas"), java.util.Map.of(), null),
        new ClientService.NewClient(ClientDraft.empty().with("name", "Batch C")
            .with("accountOwnerId", outsider.id().toString()), java.util.Map.of(), T0.minus(Duration.ofDays(400)))),
        false));
    assertThat(written.get(0).ok()).isTrue();
    assertThat(written.get(1).problems()).extracting(com.orbitcrm.platform.FieldViolation::field)
        .containsExactlyInAnyOrder("name", "state");
    assertThat(written.get(2).problems()).extracting(com.orbitcrm.platform.FieldViolation::message)
        .containsExactly("is not a member of this workspace");
    assertThat(clients.all()).hasSize(1);
    Client a = clients.all().getFirst();
    assertThat(a.details().name()).isEqualTo("Batch A");
    assertThat(a.details().state()).isEqualTo("TX");

    var dry = team.asMember(() -> service.createAll(List.of(new ClientService.NewClient(
        ClientDraft.empty().with("name", "Dry"), java.util.Map.of(), null)), true));
    assertThat(dry.getFirst().ok()).isTrue();
    assertThat(clients.all()).hasSize(1);

    var changed = team.asMember(() -> service.updateAll(List.of(new ClientService.ClientChange(a.id(),
        d -> d.with("city", "Austin"), java.util.Map.of())), false));
    assertThat(changed.getFirst().previous().city()).isNull();
    assertThat(clients.all().getFirst().details().city()).isEqualTo("Austin");
    assertThat(team.asMember(() -> service.findBy("name", List.of("BATCH a")))).containsOnlyKeys("batch a");
    assertThat(team.asMember(() -> service.deleteAll(List.of(a.id())))).isEqualTo(1);
    assertThat(events).hasSize(1);
    assertThatThrownBy(() -> team.as(viewer, Role.VIEWER, () -> service.createAll(List.of(), false)))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void anUpdateWithAStaleVersionIsAConflictAndChangesNothing() {
    Client client = create("Acme");
    clock.advance(Duration.ofMinutes(1));
    Client renamed = team.asMember(() -> service.update(client.id(), 0, d -> d.with("name", "Acme Inc")));
    assertThat(renamed.version()).isEqualTo(1);
    assertThat(renamed.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));

    assertThatThrownBy(() -> team.asMember(() -> service.update(client.id(), 0, d -> d.with("name", "Acme Ltd"))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("version 1, you edited 0");

    Client stored = team.asMember(() -> service.get(client.id()));
    assertThat(stored.details().name()).isEqualTo("Acme Inc");
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void anAccountOwnerWhoIsNotAMemberIsRefused() {
    assertThatThrownBy(() -> team.asMember(() -> service.create(ClientDraft.empty().with("name", "Acme")
        .with("accountOwnerId", outsider.id().toString()))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("accountOwnerId"));
    assertThat(clients.all()).isEmpty();

    Client client = create("Acme");
    assertThatThrownBy(() -> team.asMember(() -> service.update(client.id(), null,
        d -> d.with("accountOwnerId", outsider.id().toString()))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("accountOwnerId"));
    assertThat(team.asMember(() -> service.get(client.id())).details().accountOwnerId()).isNull();

    clock.advance(Duration.ofDays(2));
    Client owned = team.asMember(() -> service.update(client.id(), null, d -> d.with("accountOwnerId", member.id().toString())));
    assertThat(owned.details().accountOwnerId()).isEqualTo(member.id());
    assertThat(owned.accountOwnerAssignedDate()).isEqualTo(T0.plus(Duration.ofDays(2)));
  }

  @Test
  void deletePublishesClientTrashedAndTheClientIsGone() {
    Client client = create("Acme");
    clock.advance(Duration.ofMinutes(5));
    Instant at = clock.instant();

    team.asMember(() -> service.delete(client.id()));

    assertThat(events).containsExactly(new ClientTrashed(tenant, client.id(), at));
    assertThatThrownBy(() -> team.asMember(() -> service.get(client.id()))).isInstanceOf(NotFoundException.class);
    assertThat(team.asMember(() -> service.names(List.of(client.id())))).isEmpty();
    assertThat(team.asAdmin(() -> service.list(trashed())).items()).extracting(Client::id).containsExactly(client.id());
    assertThatThrownBy(() -> team.asMember(() -> service.list(trashed()))).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void anAdminRestoresWithinTheTrashWindowOnly() {
    Client early = create("Early");
    Client late = create("Late");
    team.asMember(() -> service.delete(early.id()));
    team.asMember(() -> service.delete(late.id()));
    clock.advance(Duration.ofDays(29));

    assertThatThrownBy(() -> team.asMember(() -> service.restore(early.id()))).isInstanceOf(ForbiddenException.class);
    Client restored = team.asAdmin(() -> service.restore(early.id()));
    assertThat(restored.trashed()).isFalse();
    assertThat(team.asMember(() -> service.get(early.id())).details().name()).isEqualTo("Early");

    clock.advance(Duration.ofDays(2));
    assertThatThrownBy(() -> team.asAdmin(() -> service.restore(late.id()))).isInstanceOf(NotFoundException.class);
    assertThat(clients.find(tenant, late.id()).orElseThrow().trashed()).isTrue();
  }

  @Test
  void purgeDeletesOnlyExpiredClientsAndPublishesClientPurgedForEach() {
    Client expired = create("Expired");
    Client recent = create("Recent");
    Client live = create("Live");
    Client theirs = TestTeam.as(outsider, otherTenant, Role.OWNER, () -> service.create(ClientDraft.empty().with("name", "Theirs")));
    team.asMember(() -> service.delete(expired.id()));
    TestTeam.as(outsider, otherTenant, Role.OWNER, () -> service.delete(theirs.id()));
    clock.advance(Duration.ofDays(10));
    team.asMember(() -> service.delete(recent.id()));
    clock.advance(Duration.ofDays(21));
    events.clear();

    int purged = TenantContext.callAs(Scope.system(tenant), () -> service.purgeExpired(clock.instant()));

    assertThat(purged).isEqualTo(1);
    assertThat(events).containsExactly(new ClientPurged(tenant, expired.id()));
    assertThat(clients.find(tenant, expired.id())).isEmpty();
    assertThat(clients.find(tenant, recent.id()).orElseThrow().trashed()).isTrue();
    assertThat(clients.find(tenant, live.id()).orElseThrow().trashed()).isFalse();
    assertThat(clients.find(otherTenant, theirs.id())).isPresent();
  }

  @Test
  void theListIsOfThisWorkspaceAndPagesInNameOrder() {
    for (String name : List.of("charlie", "Alpha", "bravo")) {
      create(name);
    }
    TestTeam.as(outsider, otherTenant, Role.OWNER, () -> service.create(ClientDraft.empty().with("name", "Aardvark")));
    var firstPage = new ClientQuery(null, null, null, null, null, ClientSort.NAME, null, 2, false);

    ClientPage first = team.asMember(() -> service.list(firstPage));
    assertThat(first.items()).extracting(c -> c.details().name()).containsExactly("Alpha", "bravo");
    ClientPage second = team.asMember(() -> service.list(new ClientQuery(null, null, null, null, null, ClientSort.NAME,
        first.next(), 2, false)));
    assertThat(second.items()).extracting(c -> c.details().name()).containsExactly("charlie");
    assertThat(second.next()).isNull();
  }

  Client create(String name) {
    return team.asMember(() -> service.create(ClientDraft.empty().with("name", name)));
  }

  static ClientQuery trashed() {
    return new ClientQuery(null, null, null, null, null, ClientSort.NAME, null, ClientQuery.DEFAULT_LIMIT, true);
  }
}
