package com.orbitcrm.timeline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.app.ClientDirectory;
import com.orbitcrm.platform.TestRecords;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.InMemoryClients;
import com.orbitcrm.testing.TestClock;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityDetails;
import com.orbitcrm.timeline.ActivityDraft;
import com.orbitcrm.timeline.port.TrackingKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A tracked e-mail's pixel and links work for their lifetime and while the record lives, and no longer. */
class EmailTrackingServiceUnitTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  final TestClock clock = new TestClock(T0);
  final InMemoryClients clients = new InMemoryClients();
  final InMemoryActivities activities = new InMemoryActivities();
  final Map<TenantId, byte[]> keys = new ConcurrentHashMap<>();
  final TrackingKeys keyStore = new TrackingKeys() {
    @Override
    public Optional<byte[]> find(TenantId tenant) {
      return Optional.ofNullable(keys.get(tenant));
    }

    @Override
    public byte[] obtain(TenantId tenant) {
      return keys.computeIfAbsent(tenant, t -> UUID.randomUUID().toString().repeat(2).getBytes());
    }
  };
  final EmailTrackingService tracking = new EmailTrackingService(
      new TrackingMarks(activities, keyStore, TestRecords.of(ClientDirectory.over(clients))), clock, Duration.ofDays(90));
  final TenantId tenant = new TenantId(UUID.randomUUID());

  Activity trackedEmail(Client on) {
    var details = ActivityDetails.from(new ActivityDraft("email", "Proposal", null, null, "buyer@acme.example", null,
        null, null, null, null, null, List.of()));
    var activity = new Activity(UUID.randomUUID(), tenant, on.ref(), details,
        Map.of("trackOpens", "true", "trackedLinks", "https://acme.example/proposal"), Activity.EmailTracking.NONE,
        null, clock.instant());
    activities.insert(activity);
    return activity;
  }

  Client client(String name) {
    var client = Client.create(new ClientId(UUID.randomUUID()), tenant,
        ClientDetails.from(ClientDraft.empty().with("name", name)), null, T0);
    clients.insert(client);
    return client;
  }

  <T> T inWorkspace(java.util.function.Supplier<T> work) {
    return TenantContext.callAs(TenantContext.Scope.system(tenant), work);
  }

  @Test
  void aLinkWorksForItsLifetimeOnly() {
    Activity email = trackedEmail(client("Acme"));
    var tokens = inWorkspace(() -> tracking.tokens(email));
    String link = tokens.links().getFirst().token();
    clock.set(T0.plus(Duration.ofDays(89)));
    assertThat(tracking.clicked(link)).contains("https://acme.example/proposal");
    assertThat(tracking.opened(tokens.pixel().orElseThrow())).isTrue();
    clock.set(T0.plus(Duration.ofDays(90)));
    assertThat(tracking.clicked(link)).isEmpty();
    assertThat(tracking.opened(tokens.pixel().orElseThrow())).isFalse();
  }

  @Test
  void aLinkStopsWhenItsRecordIsTrashed() {
    Client acme = client("Acme");
    Activity email = trackedEmail(acme);
    String link = inWorkspace(() -> tracking.tokens(email)).links().getFirst().token();
    assertThat(tracking.clicked(link)).isPresent();
    clients.trash(tenant, acme.id(), T0.plusSeconds(60));
    assertThat(tracking.clicked(link)).isEmpty();
  }
}
