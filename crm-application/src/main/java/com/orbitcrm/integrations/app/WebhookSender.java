package com.orbitcrm.integrations.app;

import com.orbitcrm.integrations.DeliveryAttempt;
import com.orbitcrm.integrations.DeliveryStatus;
import com.orbitcrm.integrations.FailurePolicy;
import com.orbitcrm.integrations.RetrySchedule;
import com.orbitcrm.integrations.WebhookDelivery;
import com.orbitcrm.integrations.WebhookEndpoint;
import com.orbitcrm.integrations.port.DeliveryQueue;
import com.orbitcrm.integrations.port.WebhookDeliveries;
import com.orbitcrm.integrations.port.WebhookEndpoints;
import com.orbitcrm.integrations.port.WebhookNotices;
import com.orbitcrm.integrations.port.WebhookTransport;
import com.orbitcrm.platform.NamedAddress;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.Workspace;
import com.orbitcrm.tenancy.app.IdentityService;
import com.orbitcrm.tenancy.app.MemberService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogAccessor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt of a delivery, as the delivery queue runs it: reads the delivery and its endpoint, checks the
 * destination again (after resolving its name now), POSTs the signed message without holding a transaction,
 * then records the attempt and what follows — received, the next attempt queued by the {@link RetrySchedule}, or
 * given up; an endpoint whose deliveries are given up with nothing received since is switched off
 * ({@link FailurePolicy}) and its workspace's admins are told by e-mail.
 */
@Component
public class WebhookSender {

  private static final LogAccessor log = new LogAccessor(WebhookSender.class);

  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final DeliveryQueue queue;
  private final WebhookTransport transport;
  private final DestinationCheck destinations;
  private final RetrySchedule schedule;
  private final WebhookNotices notices;
  private final MemberService members;
  private final IdentityService identity;
  private final TransactionTemplate tx;
  private final Clock clock;

  WebhookSender(WebhookEndpoints endpoints, WebhookDeliveries deliveries, DeliveryQueue queue,
                WebhookTransport transport, DestinationCheck destinations, RetrySchedule schedule,
                WebhookNotices notices, MemberService members, IdentityService identity,
                PlatformTransactionManager transactions, Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.queue = queue;
    this.transport = transport;
    this.destinations = destinations;
    this.schedule = schedule;
    this.notices = notices;
    this.members = members;
    this.identity = identity;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  private record Due(WebhookDelivery delivery, WebhookEndpoint endpoint) {}

  /**
   * Makes the attempt in the delivery's workspace.
   *
   * @param manual a redelivery asked for by hand (one attempt, no retries after it).
   */
  public void attempt(TenantId tenant, UUID deliveryId, boolean manual) {
    TenantContext.runAs(TenantContext.Scope.system(tenant), () -> run(tenant, deliveryId, manual));
  }

  private void run(TenantId tenant, UUID deliveryId, boolean manual) {
    Due due = tx.execute(status -> {
      var delivery = deliveries.read(tenant, deliveryId).orElse(null);
      if (delivery == null || delivery.status() != DeliveryStatus.PENDING) {
        return null;
      }
      var endpoint = endpoints.find(tenant, delivery.endpointId()).orElse(null);
      return endpoint == null ? null : new Due(delivery, endpoint);
    });
    if (due == null) {
      return;
    }
    Instant started = clock.instant();
    DeliveryAttempt attempt;
    if (!due.endpoint().enabled()) {
      attempt = new DeliveryAttempt(0, started, null, 0, null, "The endpoint is switched off");
    } else {
      var refusal = destinations.refusal(due.endpoint().url());
      if (refusal.isPresent()) {
        attempt = new DeliveryAttempt(0, started, null, 0, null, "Not sent: " + refusal.get());
      } else {
        long seconds = started.getEpochSecond();
        var headers = new LinkedHashMap<String, String>();
        headers.put("webhook-id", due.delivery().messageId());
        headers.put("webhook-timestamp", Long.toString(seconds));
        headers.put("webhook-signature", due.endpoint().secret().sign(due.delivery().messageId(), seconds,
            due.delivery().payload()));
        var answer = transport.post(due.endpoint().url(), headers, due.delivery().payload());
        String error = answer.error();
        if (error == null && answer.statusCode() != null && answer.statusCode() >= 300 && answer.statusCode() < 400) {
          error = "Redirects are not followed";
        }
        attempt = new DeliveryAttempt(0, started, answer.statusCode(), Math.max(0, answer.duration().toMillis()),
            DeliveryAttempt.excerpt(answer.body()), error);
      }
    }
    DeliveryAttempt made = attempt;
    WebhookEndpoint disabled = tx.execute(status -> record(tenant, deliveryId, made, manual));
    if (disabled != null) {
      tell(disabled);
    }
  }

  /** Records the attempt and its consequence; answers the endpoint if this switched it off. */
  private @Nullable WebhookEndpoint record(TenantId tenant, UUID deliveryId, DeliveryAttempt attempt, boolean manual) {
    var delivery = deliveries.lock(tenant, deliveryId).orElse(null);
    if (delivery == null || delivery.status() != DeliveryStatus.PENDING) {
      return null;
    }
    var numbered = new DeliveryAttempt(delivery.attempts() + 1, attempt.at(), attempt.statusCode(),
        attempt.durationMs(), attempt.responseExcerpt(), attempt.error());
    deliveries.addAttempt(tenant, deliveryId, numbered);
    boolean endpointOff = attempt.error() != null && attempt.error().equals("The endpoint is switched off");
    var next = delivery.after(numbered, schedule, manual || endpointOff);
    deliveries.update(next);
    if (next.status() == DeliveryStatus.PENDING && next.nextAttemptAt() != null) {
      queue.schedule(tenant, deliveryId, next.nextAttemptAt(), false);
      return null;
    }
    if (next.status() != DeliveryStatus.FAILED || manual || endpointOff) {
      return null;
    }
    var endpoint = endpoints.find(tenant, delivery.endpointId()).orElse(null);
    if (endpoint == null || !endpoint.enabled()) {
      return null;
    }
    var reason = FailurePolicy.disable(next, endpoints.lastSuccess(tenant, endpoint.id()).orElse(null));
    if (reason.isEmpty()) {
      return null;
    }
    var off = endpoint.disable(reason.get(), clock.instant());
    if (!endpoints.update(off)) {
      return null;
    }
    log.warn(() -> "Webhook endpoint " + endpoint.id() + " (" + endpoint.url() + ") switched off: " + reason.get());
    return off;
  }

  private void tell(WebhookEndpoint endpoint) {
    try {
      String workspace = tx.execute(s -> identity.currentWorkspace().map(Workspace::name).orElse("your workspace"));
      List<NamedAddress> admins = tx.execute(s -> members.members().stream()
          .filter(m -> m.role().canAdminister())
          .map(WebhookSender::address)
          .toList());
      notices.endpointDisabled(endpoint, workspace, admins);
    } catch (RuntimeException e) {
      log.warn(e, () -> "Could not tell the admins that webhook endpoint " + endpoint.id() + " was switched off");
    }
  }

  private static NamedAddress address(Member m) {
    return new NamedAddress(m.name(), m.email().value());
  }

  /** How long a receiver may take: connect, send and answer (an attempt that takes longer failed). */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);
}
