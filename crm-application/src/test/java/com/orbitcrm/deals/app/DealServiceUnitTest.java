package com.orbitcrm.deals.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.app.ClientDirectory;
import com.orbitcrm.deals.BoardColumn;
import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealPage;
import com.orbitcrm.deals.DealPurged;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.DealStageChanged;
import com.orbitcrm.deals.DealTrashed;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Probability;
import com.orbitcrm.deals.Rank;
import com.orbitcrm.deals.app.DealCommands.CreateDeal;
import com.orbitcrm.deals.app.DealCommands.EditDeal;
import com.orbitcrm.deals.app.DealCommands.MoveDeal;
import com.orbitcrm.deals.app.DealCommands.PlaceDeal;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.Money;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.TestRecords;
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
import com.orbitcrm.tenancy.Workspace;
import com.orbitcrm.testing.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deals use cases against in-memory ports: no Spring, no database. Each test acts in a workspace
 * through {@link TenantContext}, with a fixed clock and the published events in a list.
 */
class DealServiceUnitTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  final TestClock clock = new TestClock(T0);
  final TestTeam team = new TestTeam(clock);
  final InMemoryUsers users = team.users;
  final InMemoryWorkspaces workspaces = team.workspaces;
  final InMemoryClients clients = new InMemoryClients();
  final InMemoryDeals deals = new InMemoryDeals();
  final InMemoryPipelines pipelines = new InMemoryPipelines();
  /** Events of stage changes, trash and purge. */
  final List<Object> events = new ArrayList<>();
  /** DealsCreated and DealsUpdated: what integrations send on. */
  final List<Object> written = new ArrayList<>();
  final DealService service = new DealService(deals, pipelines,
      TestRecords.of(ClientDirectory.over(clients), new DealRecords(deals)), TestMembers.over(users, workspaces),
      e -> (e instanceof com.orbitcrm.deals.DealsCreated || e instanceof com.orbitcrm.deals.DealsUpdated
          ? written : events).add(e), TestMembers.calendar(workspaces, clock), com.orbitcrm.testing.NoCustomFields.service(), clock);

  final TenantId tenant = team.tenant;
  final TenantId otherTenant = team.otherTenant;
  final Pipeline pipeline = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
  final UserAccount member = team.member;
  final UserAccount admin = team.admin;
  final UserAccount viewer = team.viewer;
  final UserAccount outsider = team.outsider;

  @BeforeEach
  void pipelines() {
    pipelines.create(tenant, pipeline, true);
    pipelines.create(otherTenant, Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID())), true);
  }

  // ---- create ----------------------------------------------------------------------------------------

  @Test
  void aBatchOfDealsKeepsTheStageMachineHistoryAndReferencesAndAppendsToEachColumnInOrder() {
    var draft = DealDraft.empty().with("name", "Imported").with("value", "100");
    var written = team.asMember(() -> service.createAll(List.of(
        DealCommands.CreateDeal.of(draft).inStage("closed_won", null)
            .withHistory(T0.minus(java.time.Duration.ofDays(60)), java.time.LocalDate.parse("2026-02-01")),
        DealCommands.CreateDeal.of(draft).inStage("closed_lost", null),
        DealCommands.CreateDeal.of(draft.with("ownerId", outsider.id().toString())),
        DealCommands.CreateDeal.of(draft).inStage("nowhere", null),
        DealCommands.CreateDeal.of(draft.with("name", "Second")),
        DealCommands.CreateDeal.of(draft.with("name", "Third"))), false));
    assertThat(written).extracting(DealService.Written::ok).containsExactly(true, false, false, false, true, true);
    assertThat(written.get(2).problems()).extracting(com.orbitcrm.platform.FieldViolation::field).containsExactly("ownerId");
    assertThat(written.get(3).problems()).extracting(com.orbitcrm.platform.FieldViolation::field).containsExactly("stage");
    Deal won = team.asMember(() -> service.get(written.get(0).id()));
    assertThat(won.progress().actualCloseDate()).isEqualTo(java.time.LocalDate.parse("2026-02-01"));
    assertThat(won.createdAt()).isEqualTo(T0.minus(java.time.Duration.ofDays(60)));
    Deal second = team.asMember(() -> service.get(written.get(4).id()));
    Deal third = team.asMember(() -> service.get(written.get(5).id()));
    assertThat(second.rank()).isLessThan(third.rank());
    assertThat(team.asMember(() -> service.deleteAll(List.of(second.id(), third.id())))).isEqualTo(2);
  }

  @Test
  void aBatchAsksWhatAStageRequiresAsADealCreatedAloneDoes() {
    var ruled = new Pipeline(pipeline.id(), pipeline.name(), pipeline.stages().stream()
        .map(s -> s.key().equals("proposal") ? new com.orbitcrm.deals.Stage(s.key(), s.label(), s.color(), s.order(),
            s.defaultProbability(), s.kind(), new com.orbitcrm.deals.EntryRequirements(List.of("value",
                "expectedCloseDate"))) : s)
        .toList());
    pipelines.update(tenant, ruled);
    var draft = DealDraft.empty().with("name", "Imported");
    var written = team.asMember(() -> service.createAll(List.of(
        DealCommands.CreateDeal.of(draft).inStage("proposal", null),
        DealCommands.CreateDeal.of(draft.with("value", "10").with("expectedCloseDate", "2026-06-30"))
            .inStage("proposal", null),
        DealCommands.CreateDeal.of(draft).inStage("closed_lost", null)), false));
    assertThat(written).extracting(DealService.Written::ok).containsExactly(false, true, false);
    assertThat(written.get(0).problems()).extracting(com.orbitcrm.platform.FieldViolation::field)
        .containsExactly("value", "expectedCloseDate");
    assertThat(written.get(2).problems()).extracting(com.orbitcrm.platform.FieldViolation::field)
        .containsExactly("lostReason");
    var alone = org.assertj.core.api.Assertions.catchThrowable(() -> team.asMember(() -> service.create(
        DealCommands.CreateDeal.of(draft).inStage("proposal", null))));
    assertThat(alone).isInstanceOf(com.orbitcrm.deals.EntryRefused.class);
  }

  @Test
  void createPutsTheDealAtTheEndOfTheFirstStageWithItsDefaultProbability() {
    Deal first = create("Pilot", "1000");
    Deal second = create("Rollout", "2500.5");

    assertThat(first.progress().stage().key()).isEqualTo("lead");
    assertThat(first.progress().probability()).isEqualTo(new Probability(10));
    assertThat(first.progress().probabilityManual()).isFalse();
    assertThat(first.rank()).isEqualTo(Rank.first());
    assertThat(second.rank()).isGreaterThan(first.rank());
    assertThat(first.details().value()).isEqualTo(new Money(new BigDecimal("1000.00"), "USD"));
    assertThat(first.tenant()).isEqualTo(tenant);
    assertThat(first.pipeline()).isEqualTo(pipeline.id());
    assertThat(first.createdBy()).isEqualTo(member.id());
    assertThat(first.createdAt()).isEqualTo(T0);
    assertThat(first.version()).isZero();
    assertThat(deals.all()).extracting(d -> d.details().name()).containsExactly("Pilot", "Rollout");
    assertThat(events).isEmpty();
    assertThat(written).containsExactly(new com.orbitcrm.deals.DealsCreated(tenant, List.of(first.id()), member.id(), T0),
        new com.orbitcrm.deals.DealsCreated(tenant, List.of(second.id()), member.id(), T0));
  }

  @Test
  void createInAnUnknownStageNamesTheStageAndTheValidOnes() {
    assertThatThrownBy(() -> team.asMember(() -> service.create(CreateDeal.of(draft("Pilot", "1000"))
        .inStage("won", null))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("stage");
          assertThat(e.violations().getFirst().message())
              .contains("lead, qualified, proposal, negotiation, closed_won, closed_lost");
        });
    assertThat(deals.all()).isEmpty();
  }

  @Test
  void badFieldsAndAnOutOfRangeProbabilityAreRefusedTogether() {
    var bad = DealDraft.empty().with("name", "  ").with("value", "12.345").with("contactEmail", "not an address")
        .with("expectedCloseDate", "tomorrow");

    assertThatThrownBy(() -> team.asMember(() -> service.create(CreateDeal.of(bad).withProbability(150))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field)
            .containsExactlyInAnyOrder("name", "value", "contactEmail", "expectedCloseDate", "probability"));
    assertThatThrownBy(() -> team.asMember(() -> service.create(CreateDeal.of(draft("Pilot", "1")).withProbability(-1))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("probability"));
    assertThat(deals.all()).isEmpty();
  }

  @Test
  void aViewerReadsButCannotCreate() {
    Deal deal = create("Pilot", "1000");

    assertThatThrownBy(() -> team.as(viewer, Role.VIEWER, () -> service.create(CreateDeal.of(draft("Sneaky", "1")))))
        .isInstanceOf(ForbiddenException.class);
    assertThat(team.as(viewer, Role.VIEWER, () -> service.get(deal.id())).details().name()).isEqualTo("Pilot");
    assertThat(deals.all()).hasSize(1);
  }

  @Test
  void theClientMustBeALiveClientOfThisWorkspace() {
    Client ours = client(tenant, "Acme");
    Client theirs = client(otherTenant, "Globex");
    Client trashed = client(tenant, "Gone Ltd");
    clients.trash(tenant, trashed.id(), T0);

    Deal deal = team.asMember(() -> service.create(CreateDeal.of(draft("Pilot", "1").with("clientId", ours.id().toString()))));
    assertThat(deal.details().clientId()).isEqualTo(ours.id());
    for (Client refused : List.of(theirs, trashed)) {
      assertThatThrownBy(() -> team.asMember(() -> service.create(CreateDeal.of(draft("Pilot", "1")
          .with("clientId", refused.id().toString())))))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
              .extracting(FieldViolation::field).containsExactly("clientId"));
    }
    assertThat(deals.all()).hasSize(1);
  }

  @Test
  void theOwnerMustBeAMemberOfThisWorkspace() {
    assertThatThrownBy(() -> team.asMember(() -> service.create(CreateDeal.of(draft("Pilot", "1")
        .with("ownerId", outsider.id().toString())))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("ownerId"));

    Deal owned = team.asMember(() -> service.create(CreateDeal.of(draft("Pilot", "1").with("ownerId", admin.id().toString()))));
    assertThat(owned.details().ownerId()).isEqualTo(admin.id());
    assertThat(deals.all()).hasSize(1);
  }

  // ---- update ----------------------------------------------------------------------------------------

  @Test
  void anUpdateWithAStaleVersionIsAConflictAndChangesNothing() {
    Deal deal = create("Pilot", "1000");
    Deal renamed = team.asMember(() -> service.update(EditDeal.of(deal.id(), 0, d -> d.with("name", "Pilot v2"))));
    assertThat(renamed.version()).isEqualTo(1);

    assertThatThrownBy(() -> team.asMember(() -> service.update(EditDeal.of(deal.id(), 0,
        d -> d.with("name", "Pilot v3").with("value", "5")))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("version 1, you had 0");

    Deal stored = team.asMember(() -> service.get(deal.id()));
    assertThat(stored.details().name()).isEqualTo("Pilot v2");
    assertThat(stored.details().value().amount()).isEqualByComparingTo("1000");
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void anUpdateWhoseMoveIsRefusedLeavesTheFieldsUnchanged() {
    Deal deal = create("Pilot", "1000");
    EditDeal edit = EditDeal.of(deal.id(), 0, d -> d.with("name", "Renamed").with("value", "999"))
        .withProbability(40).movingTo("closed_lost", null);

    // As the transaction of @Transactional would: a runtime exception rolls back what was written.
    assertThatThrownBy(() -> deals.inTransaction(() -> team.asMember(() -> service.update(edit))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("lostReason"));

    Deal stored = team.asMember(() -> service.get(deal.id()));
    assertThat(stored.details().name()).isEqualTo("Pilot");
    assertThat(stored.details().value().amount()).isEqualByComparingTo("1000");
    assertThat(stored.progress().stage().key()).isEqualTo("lead");
    assertThat(stored.progress().probability()).isEqualTo(new Probability(10));
    assertThat(stored.version()).isZero();
    assertThat(events).isEmpty();

    // With a reason, the same edit goes through, fields and move together.
    Deal lost = deals.inTransaction(() -> team.asMember(() -> service.update(edit.movingTo("closed_lost", "Budget cut"))));
    assertThat(lost.details().name()).isEqualTo("Renamed");
    assertThat(lost.progress().stage().key()).isEqualTo("closed_lost");
    assertThat(lost.progress().probability()).isEqualTo(Probability.NONE);
    assertThat(lost.progress().lostReason()).isEqualTo("Budget cut");
    assertThat(lost.progress().actualCloseDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(events).singleElement().isInstanceOfSatisfying(DealStageChanged.class, e -> {
      assertThat(e.fromStage()).isEqualTo("lead");
      assertThat(e.toStage()).isEqualTo("closed_lost");
    });
  }

  @Test
  void aDealClosesOnTheDayItIsWhereTheWorkspaceWorks() {
    // 23:30 UTC on 31 March is already 1 April in Tokyo and still 31 March in New York.
    clock.set(Instant.parse("2026-03-31T23:30:00Z"));
    Deal tokyo = create("Tokyo", "100");
    Workspace workspace = workspaces.find(tenant).orElseThrow();
    workspaces.update(workspace.with(null, "Asia/Tokyo", null));
    Deal wonInTokyo = team.asMember(() -> service.move(new MoveDeal(tokyo.id(), "closed_won", null, null, null)));
    assertThat(wonInTokyo.progress().actualCloseDate()).isEqualTo(LocalDate.of(2026, 4, 1));

    workspaces.update(workspace.with(null, "America/New_York", null));
    Deal newYork = create("New York", "100");
    Deal wonInNewYork = team.asMember(() -> service.move(new MoveDeal(newYork.id(), "closed_won", null, null, null)));
    assertThat(wonInNewYork.progress().actualCloseDate()).isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Test
  void anUpdateWhoseMoveIsRefusedWritesNothingEvenWithoutATransaction() {
    Deal deal = create("Pilot", "1000");
    EditDeal edit = EditDeal.of(deal.id(), 0, d -> d.with("name", "Renamed")).movingTo("closed_lost", null);

    assertThatThrownBy(() -> team.asMember(() -> service.update(edit))).isInstanceOf(InvalidInputException.class);

    Deal stored = team.asMember(() -> service.get(deal.id()));
    assertThat(stored.details().name()).isEqualTo("Pilot");
    assertThat(stored.version()).isZero();
  }

  // ---- move and place --------------------------------------------------------------------------------

  @Test
  void aMoveToAnotherStagePublishesOneStageChangeByTheActingUser() {
    Client acme = client(tenant, "Acme");
    Deal deal = team.asMember(() -> service.create(CreateDeal.of(draft("Pilot", "1000")
        .with("clientId", acme.id().toString()))));
    clock.advance(Duration.ofHours(1));

    Deal moved = team.asMember(() -> service.move(new MoveDeal(deal.id(), "qualified", null, null, 0)));

    assertThat(events).containsExactly(new DealStageChanged(tenant, deal.id(), acme.id(), "lead", "qualified",
        member.id(), T0.plus(Duration.ofHours(1)), deal.pipeline(), deal.pipeline()));
    assertThat(moved.progress().stage().key()).isEqualTo("qualified");
    assertThat(moved.progress().probability()).isEqualTo(new Probability(25));
    assertThat(moved.rank()).isEqualTo(Rank.first());
    assertThat(moved.version()).isEqualTo(1);
  }

  @Test
  void aReorderWithinAColumnPublishesNothing() {
    Deal a = create("A", "1");
    Deal b = create("B", "1");
    Deal c = create("C", "1");

    Deal moved = team.asMember(() -> service.move(new MoveDeal(c.id(), "lead", 0, null, null)));

    assertThat(events).isEmpty();
    assertThat(moved.rank()).isLessThan(a.rank());
    assertThat(moved.progress().stage().key()).isEqualTo("lead");
    assertThat(names(column("lead"))).containsExactly("C", "A", "B");

    // Position 1, counted without the card that moves: between C and A.
    Deal middle = team.asMember(() -> service.move(new MoveDeal(b.id(), "lead", 1, null, null)));
    assertThat(middle.rank()).isGreaterThan(moved.rank()).isLessThan(a.rank());
    assertThat(names(column("lead"))).containsExactly("C", "B", "A");
    // Past the end: appended.
    team.asMember(() -> service.move(new MoveDeal(c.id(), "lead", 99, null, null)));
    assertThat(names(column("lead"))).containsExactly("B", "A", "C");
    assertThat(events).isEmpty();
  }

  @Test
  void aMoveWithAStaleVersionIsAConflict() {
    Deal deal = create("Pilot", "1");
    team.asMember(() -> service.move(new MoveDeal(deal.id(), "qualified", null, null, 0)));
    events.clear();

    assertThatThrownBy(() -> team.asMember(() -> service.move(new MoveDeal(deal.id(), "proposal", null, null, 0))))
        .isInstanceOf(ConflictException.class);
    assertThat(team.asMember(() -> service.get(deal.id())).progress().stage().key()).isEqualTo("qualified");
    assertThat(events).isEmpty();
  }

  @Test
  void placingBetweenTwoCardsGivesARankBetweenTheirsAndTellsTheStageLeft() {
    Deal a = create("A", "1");
    Deal b = create("B", "1");
    create("C", "1");
    Deal d = create("D", "1");
    team.asMember(() -> service.move(new MoveDeal(d.id(), "qualified", null, null, null)));
    events.clear();

    DealService.Placed placed = team.asMember(() -> service.place(new PlaceDeal(d.id(), "lead", a.id(), b.id(), null, null)));

    assertThat(placed.from().key()).isEqualTo("qualified");
    assertThat(placed.deal().progress().stage().key()).isEqualTo("lead");
    assertThat(placed.deal().rank()).isGreaterThan(a.rank()).isLessThan(b.rank());
    assertThat(names(column("lead"))).containsExactly("A", "D", "B", "C");
    assertThat(events).singleElement().isInstanceOfSatisfying(DealStageChanged.class, e -> {
      assertThat(e.fromStage()).isEqualTo("qualified");
      assertThat(e.toStage()).isEqualTo("lead");
    });

    // Within its column: the stage left is the one it stays in, and nothing is published.
    events.clear();
    DealService.Placed reordered = team.asMember(() -> service.place(new PlaceDeal(a.id(), "lead", d.id(), b.id(), null,
        null)));
    assertThat(reordered.from().key()).isEqualTo("lead");
    assertThat(names(column("lead"))).containsExactly("D", "A", "B", "C");
    assertThat(events).isEmpty();
  }

  // ---- trash, restore, purge -------------------------------------------------------------------------

  @Test
  void deletePublishesDealTrashedAndTheDealIsGone() {
    Deal deal = create("Pilot", "1000");
    clock.advance(Duration.ofMinutes(5));
    Instant at = clock.instant();

    Deal deleted = team.asMember(() -> service.delete(deal.id()));

    assertThat(deleted.id()).isEqualTo(deal.id());
    assertThat(events).containsExactly(new DealTrashed(tenant, deal.id(), at));
    assertThatThrownBy(() -> team.asMember(() -> service.get(deal.id()))).isInstanceOf(NotFoundException.class);
    assertThat(deals.find(tenant, deal.id()).orElseThrow().deletedAt()).isEqualTo(at);
    assertThat(team.asAdmin(() -> service.list(trashed())).items()).extracting(Deal::id).containsExactly(deal.id());
    assertThatThrownBy(() -> team.asMember(() -> service.delete(deal.id()))).isInstanceOf(NotFoundException.class);
    assertThat(events).hasSize(1);
  }

  @Test
  void anAdminRestoresWithinTheTrashWindow() {
    Deal deal = create("Pilot", "1000");
    team.asMember(() -> service.delete(deal.id()));
    clock.advance(Duration.ofDays(29));

    assertThatThrownBy(() -> team.asMember(() -> service.restore(deal.id()))).isInstanceOf(ForbiddenException.class);
    Deal restored = team.asAdmin(() -> service.restore(deal.id()));

    assertThat(restored.trashed()).isFalse();
    assertThat(restored.rank()).isEqualTo(deal.rank());
    assertThat(team.asMember(() -> service.get(deal.id())).details().name()).isEqualTo("Pilot");
  }

  @Test
  void afterTheTrashWindowARestoreFindsNothing() {
    Deal deal = create("Pilot", "1000");
    team.asMember(() -> service.delete(deal.id()));
    clock.advance(Duration.ofDays(31));

    assertThatThrownBy(() -> team.asAdmin(() -> service.restore(deal.id()))).isInstanceOf(NotFoundException.class);
    assertThat(deals.find(tenant, deal.id()).orElseThrow().trashed()).isTrue();
  }

  @Test
  void purgeDeletesOnlyWhatWasTrashedBeforeTheCutoffAndPublishesOneEventEach() {
    Deal old = create("Old", "1");
    Deal older = create("Older", "1");
    Deal recent = create("Recent", "1");
    Deal live = create("Live", "1");
    Deal theirs = TestTeam.as(outsider, otherTenant, Role.OWNER, () -> service.create(CreateDeal.of(draft("Theirs", "1"))));
    team.asMember(() -> service.delete(older.id()));
    clock.advance(Duration.ofHours(1));
    team.asMember(() -> service.delete(old.id()));
    TestTeam.as(outsider, otherTenant, Role.OWNER, () -> service.delete(theirs.id()));
    clock.advance(Duration.ofDays(20));
    team.asMember(() -> service.delete(recent.id()));
    clock.advance(Duration.ofDays(11));
    events.clear();

    int purged = TenantContext.callAs(Scope.system(tenant), () -> service.purgeExpired(clock.instant()));

    assertThat(purged).isEqualTo(2);
    assertThat(events).containsExactlyInAnyOrder(new DealPurged(tenant, old.id()), new DealPurged(tenant, older.id()));
    assertThat(deals.find(tenant, old.id())).isEmpty();
    assertThat(deals.find(tenant, older.id())).isEmpty();
    assertThat(deals.find(tenant, recent.id()).orElseThrow().trashed()).isTrue();
    assertThat(deals.find(tenant, live.id()).orElseThrow().trashed()).isFalse();
    assertThat(deals.find(otherTenant, theirs.id())).isPresent();
  }

  // ---- reading ---------------------------------------------------------------------------------------

  @Test
  void theBoardHasOneColumnPerStageInOrderWithExactTotalsPerCurrency() {
    create("A", "1000");
    Deal b = create("B", "2000.50");
    team.asMember(() -> service.create(CreateDeal.of(draft("C", "300").with("currency", "EUR"))));
    team.asMember(() -> service.create(CreateDeal.of(draft("D", "100.01")).inStage("qualified", null).withProbability(33)));
    team.asMember(() -> service.create(CreateDeal.of(draft("E", "500")).inStage("closed_won", null)));
    Deal trashed = create("Trashed", "7777");
    team.asMember(() -> service.delete(trashed.id()));

    List<BoardColumn> board = team.asMember(() -> service.board(BoardFilter.none(), 2));

    assertThat(board).extracting(c -> c.stage().key())
        .containsExactly("lead", "qualified", "proposal", "negotiation", "closed_won", "closed_lost");
    BoardColumn lead = board.get(0);
    assertThat(names(lead.deals())).containsExactly("A", "B");
    assertThat(lead.nextAfter()).isEqualTo(b.rank());
    assertThat(lead.count()).isEqualTo(3);
    assertThat(lead.totals()).extracting(ColumnTotal::currency).containsExactly("EUR", "USD");
    assertTotal(lead.totals().get(0), 1, "300.00", "30.00");
    assertTotal(lead.totals().get(1), 2, "3000.50", "300.05");

    BoardColumn qualified = board.get(1);
    assertThat(qualified.nextAfter()).isNull();
    assertTotal(qualified.totals().getFirst(), 1, "100.01", "33.0033");
    assertThat(qualified.totals().getFirst().weighted())
        .isEqualTo(qualified.deals().getFirst().weightedValue());

    assertTotal(board.get(4).totals().getFirst(), 1, "500.00", "500.00");
    for (BoardColumn empty : List.of(board.get(2), board.get(3), board.get(5))) {
      assertThat(empty.deals()).isEmpty();
      assertThat(empty.totals()).isEmpty();
      assertThat(empty.nextAfter()).isNull();
    }

    BoardColumn more = team.asMember(() -> service.column("lead", BoardFilter.none(), lead.nextAfter(), 2));
    assertThat(names(more.deals())).containsExactly("C");
    assertThat(more.nextAfter()).isNull();
  }

  @Test
  void theListIsNewestFirstAndPagedByCursor() {
    for (String name : List.of("First", "Second", "Third")) {
      create(name, "1");
      clock.advance(Duration.ofMinutes(1));
    }
    DealPage first = team.asMember(() -> service.list(query(null, 2)));
    assertThat(names(first.items())).containsExactly("Third", "Second");
    assertThat(first.next()).isNotNull();

    DealPage second = team.asMember(() -> service.list(query(first.next(), 2)));
    assertThat(names(second.items())).containsExactly("First");
    assertThat(second.next()).isNull();
    assertThatThrownBy(() -> team.asMember(() -> service.list(trashed()))).isInstanceOf(ForbiddenException.class);
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  static DealDraft draft(String name, String value) {
    return DealDraft.empty().with("name", name).with("value", value);
  }

  Deal create(String name, String value) {
    return team.asMember(() -> service.create(CreateDeal.of(draft(name, value))));
  }

  Client client(TenantId in, String name) {
    var client = Client.create(new ClientId(UUID.randomUUID()), in,
        ClientDetails.from(ClientDraft.empty().with("name", name)), null, T0);
    clients.insert(client);
    return client;
  }

  List<Deal> column(String stage) {
    return team.asMember(() -> service.column(stage, BoardFilter.none(), null, 50)).deals();
  }

  static List<String> names(List<Deal> deals) {
    return deals.stream().map(d -> d.details().name()).toList();
  }

  static DealQuery query(CreatedCursor after, int limit) {
    return DealQuery.newest(limit).after(after);
  }

  static DealQuery trashed() {
    return DealQuery.newest(DealQuery.DEFAULT_LIMIT).inTrash();
  }

  static void assertTotal(ColumnTotal total, long count, String value, String weighted) {
    assertThat(total.count()).isEqualTo(count);
    assertThat(total.value().amount()).isEqualByComparingTo(value);
    assertThat(total.weighted().amount()).isEqualByComparingTo(weighted);
  }
}
