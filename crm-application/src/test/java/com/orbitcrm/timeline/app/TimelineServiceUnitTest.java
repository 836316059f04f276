package com.orbitcrm.timeline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.app.ClientDirectory;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.TestRecords;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantContext.Scope;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.testing.InMemoryClients;
import com.orbitcrm.testing.TestClock;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityDraft;
import com.orbitcrm.timeline.ActivityPage;
import com.orbitcrm.timeline.ActivityType;
import com.orbitcrm.timeline.CallOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logging and reading timelines against in-memory ports. */
class TimelineServiceUnitTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  final TestClock clock = new TestClock(T0);
  final InMemoryClients clients = new InMemoryClients();
  final InMemoryActivities activities = new InMemoryActivities();
  final TimelineService service = new TimelineService(activities, TestRecords.of(ClientDirectory.over(clients)), clock,
      e -> {}, new TaskRules(() -> java.time.ZoneOffset.UTC, u -> true));

  final TenantId tenant = new TenantId(UUID.randomUUID());
  final TenantId otherTenant = new TenantId(UUID.randomUUID());
  final UserId user = new UserId(UUID.randomUUID());
  RecordRef acme;

  @BeforeEach
  void aClient() {
    acme = client(tenant, "Acme").ref();
  }

  @Test
  void whatIsLoggedIsStoredOnTheRecordByTheUserNow() {
    Activity call = asMember(() -> service.log(acme, call("Intro call"), false, List.of()));

    assertThat(call.entity()).isEqualTo(acme);
    assertThat(call.type()).isEqualTo(ActivityType.CALL);
    assertThat(call.details().callOutcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(call.details().callDuration()).isEqualTo(300);
    assertThat(call.createdBy()).isEqualTo(user);
    assertThat(call.createdAt()).isEqualTo(T0);
    assertThat(call.tenant()).isEqualTo(tenant);
    assertThat(activities.all()).containsExactly(call);
    assertThatThrownBy(() -> as(Role.VIEWER, () -> service.log(acme, call("Nope"), false, List.of())))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void loggingOnARecordTheSeamDoesNotKnowIsRefusedOnEntityId() {
    RecordRef unknown = new RecordRef(Client.RECORD_TYPE, UUID.randomUUID());
    RecordRef theirs = client(otherTenant, "Globex").ref();

    for (RecordRef ref : List.of(unknown, theirs)) {
      assertThatThrownBy(() -> asMember(() -> service.log(ref, call("Intro call"), false, List.of())))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("entityId");
            assertThat(e.violations().getFirst().message()).isEqualTo("is not a client of this workspace");
          });
    }
    assertThat(activities.all()).isEmpty();
    assertThatThrownBy(() -> service.entity("meeting", UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("entityType"));
    assertThat(service.entity(" Client ", acme.id().toString())).isEqualTo(acme);
  }

  @Test
  void aPageLimitOutOfRangeIsRefused() {
    for (int limit : new int[] {0, -1, TimelineService.MAX_LIMIT + 1}) {
      assertThatThrownBy(() -> asMember(() -> service.page(acme, null, null, limit)))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("limit");
            assertThat(e.violations().getFirst().message()).isEqualTo("must be between 1 and 100");
          });
    }
    assertThat(asMember(() -> service.page(acme, null, null, TimelineService.MAX_LIMIT)).items()).isEmpty();
    assertThatThrownBy(() -> asMember(() -> service.page(new RecordRef(Client.RECORD_TYPE, UUID.randomUUID()), null,
        null, 10))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void pagesAreNewestFirstByTypeAndContinueAfterTheCursor() {
    for (String subject : List.of("First", "Second", "Third")) {
      asMember(() -> service.log(acme, call(subject), false, List.of()));
      clock.advance(Duration.ofMinutes(1));
    }
    asMember(() -> service.log(acme, draft("task", "A task"), false, List.of()));

    ActivityPage calls = asMember(() -> service.page(acme, "CALL", null, 2));
    assertThat(calls.items()).extracting(a -> a.details().subject()).containsExactly("Third", "Second");
    assertThat(calls.next()).isNotNull();
    ActivityPage rest = asMember(() -> service.page(acme, "call", calls.next(), 2));
    assertThat(rest.items()).extracting(a -> a.details().subject()).containsExactly("First");
    assertThat(rest.next()).isNull();
    assertThat(asMember(() -> service.page(acme, null, null, 10)).items()).hasSize(4);
  }

  @Test
  void aStageChangeCannotBeLoggedByAUser() {
    assertThatThrownBy(() -> asMember(() -> service.log(acme, draft("status_change", "lead → won"), false, List.of())))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("activityType");
          assertThat(e.violations().getFirst().message()).contains("written by the system");
        });
    assertThat(activities.all()).isEmpty();
  }

  @Test
  void trackingIsForEmailsOnly() {
    assertThatThrownBy(() -> asMember(() -> service.log(acme, call("Intro"), true, List.of())))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("trackOpens"));
    var email = new ActivityDraft("email", "Proposal", null, null, "buyer@acme.example", null, null, null, null, null,
        null, List.of());
    Activity sent = asMember(() -> service.log(acme, email, true, List.of(" https://acme.example/offer ")));
    assertThat(sent.metadata()).containsEntry("trackOpens", "true")
        .containsEntry("trackedLinks", "https://acme.example/offer");
  }

  static ActivityDraft draft(String type, String subject) {
    return new ActivityDraft(type, subject, null, null, null, null, null, null, null, null, null, List.of());
  }

  static ActivityDraft call(String subject) {
    return new ActivityDraft("call", subject, null, null, null, "300", "answered", null, null, null, null, List.of());
  }

  Client client(TenantId in, String name) {
    var client = Client.create(new ClientId(UUID.randomUUID()), in,
        ClientDetails.from(ClientDraft.empty().with("name", name)), null, T0);
    clients.insert(client);
    return client;
  }

  <T> T asMember(Supplier<T> work) {
    return as(Role.MEMBER, work);
  }

  <T> T as(Role role, Supplier<T> work) {
    return TenantContext.callAs(new Scope(tenant, user, role), work);
  }
}
