package com.orbitcrm.integrations.jooq;

import static org.orbitcrm.db.jooq.Tables.WEBHOOK_ATTEMPTS;
import static org.orbitcrm.db.jooq.Tables.WEBHOOK_DELIVERIES;
import static org.orbitcrm.db.jooq.Tables.WEBHOOK_ENDPOINTS;

import com.orbitcrm.integrations.DeliveryAttempt;
import com.orbitcrm.integrations.DeliveryStatus;
import com.orbitcrm.integrations.EventType;
import com.orbitcrm.integrations.WebhookDelivery;
import com.orbitcrm.integrations.WebhookEndpoint;
import com.orbitcrm.integrations.WebhookSecret;
import com.orbitcrm.integrations.WebhookUrl;
import com.orbitcrm.integrations.port.WebhookDeliveries;
import com.orbitcrm.integrations.port.WebhookEndpoints;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.orbitcrm.db.jooq.tables.records.WebhookDeliveriesRecord;
import org.orbitcrm.db.jooq.tables.records.WebhookEndpointsRecord;
import org.springframework.stereotype.Repository;

/**
 * Webhook endpoints, deliveries and attempts in PostgreSQL (V20), as the application role: the workspace in every
 * WHERE and row-level security behind it. Subscribers are found by {@code event_types @> array[type]} over the
 * workspace's few endpoints (primary key range; at most 20 rows).
 */
@Repository
class JooqWebhooks implements WebhookEndpoints, WebhookDeliveries {

  private final DSLContext dsl;

  JooqWebhooks(DSLContext dsl) {
    this.dsl = dsl;
  }

  // ---- Endpoints --------------------------------------------------------------------------------------------

  @Override
  public List<WebhookEndpoint> list(TenantId tenant) {
    return dsl.selectFrom(WEBHOOK_ENDPOINTS)
        .where(WEBHOOK_ENDPOINTS.TENANT_ID.eq(tenant.value()))
        .orderBy(WEBHOOK_ENDPOINTS.CREATED_AT, WEBHOOK_ENDPOINTS.ID)
        .fetch(JooqWebhooks::endpoint);
  }

  @Override
  public Optional<WebhookEndpoint> find(TenantId tenant, UUID id) {
    return dsl.selectFrom(WEBHOOK_ENDPOINTS)
        .where(WEBHOOK_ENDPOINTS.TENANT_ID.eq(tenant.value()), WEBHOOK_ENDPOINTS.ID.eq(id))
        .fetchOptional(JooqWebhooks::endpoint);
  }

  @Override
  public void insert(WebhookEndpoint e) {
    WebhookEndpointsRecord r = dsl.newRecord(WEBHOOK_ENDPOINTS);
    r.setTenantId(e.tenant().value());
    r.setId(e.id());
    write(r, e);
    r.setCreatedBy(e.createdBy() == null ? null : e.createdBy().value());
    r.setCreatedAt(at(e.createdAt()));
    r.setVersion(0);
    dsl.insertInto(WEBHOOK_ENDPOINTS).set(r).execute();
  }

  @Override
  public boolean update(WebhookEndpoint e) {
    WebhookEndpointsRecord r = dsl.newRecord(WEBHOOK_ENDPOINTS);
    write(r, e);
    r.setVersion(e.version() + 1);
    return dsl.update(WEBHOOK_ENDPOINTS).set(r)
        .where(WEBHOOK_ENDPOINTS.TENANT_ID.eq(e.tenant().value()), WEBHOOK_ENDPOINTS.ID.eq(e.id()),
            WEBHOOK_ENDPOINTS.VERSION.eq(e.version()))
        .execute() == 1;
  }

  private static void write(WebhookEndpointsRecord r, WebhookEndpoint e) {
    r.setUrl(e.url().toString());
    r.setDescription(e.description());
    r.setEventTypes(e.sortedTypes().stream().map(EventType::key).toArray(String[]::new));
    r.setSecret(e.secret().value());
    r.setEnabled(e.enabled());
    r.setDisabledReason(e.disabledReason());
    r.setDisabledAt(e.disabledAt() == null ? null : at(e.disabledAt()));
    r.setUpdatedAt(at(e.updatedAt()));
  }

  @Override
  public boolean delete(TenantId tenant, UUID id) {
    return dsl.deleteFrom(WEBHOOK_ENDPOINTS)
        .where(WEBHOOK_ENDPOINTS.TENANT_ID.eq(tenant.value()), WEBHOOK_ENDPOINTS.ID.eq(id))
        .execute() == 1;
  }

  @Override
  public List<WebhookEndpoint> subscribers(TenantId tenant, EventType type) {
    return dsl.selectFrom(WEBHOOK_ENDPOINTS)
        .where(WEBHOOK_ENDPOINTS.TENANT_ID.eq(tenant.value()), WEBHOOK_ENDPOINTS.ENABLED.isTrue())
        .and(WEBHOOK_ENDPOINTS.EVENT_TYPES.contains(new String[] {type.key()}))
        .orderBy(WEBHOOK_ENDPOINTS.CREATED_AT, WEBHOOK_ENDPOINTS.ID)
        .fetch(JooqWebhooks::endpoint);
  }

  @Override
  public Optional<Instant> lastSuccess(TenantId tenant, UUID endpointId) {
    return dsl.select(DSL.max(WEBHOOK_ATTEMPTS.AT))
        .from(WEBHOOK_ATTEMPTS)
        .join(WEBHOOK_DELIVERIES).on(WEBHOOK_DELIVERIES.TENANT_ID.eq(WEBHOOK_ATTEMPTS.TENANT_ID),
            WEBHOOK_DELIVERIES.ID.eq(WEBHOOK_ATTEMPTS.DELIVERY_ID))
        .where(WEBHOOK_DELIVERIES.TENANT_ID.eq(tenant.value()), WEBHOOK_DELIVERIES.ENDPOINT_ID.eq(endpointId),
            WEBHOOK_ATTEMPTS.STATUS_CODE.between(200, 299))
        .fetchOptional(r -> r.value1() == null ? null : r.value1().toInstant());
  }

  private static WebhookEndpoint endpoint(WebhookEndpointsRecord r) {
    return new WebhookEndpoint(new TenantId(r.getTenantId()), r.getId(), new WebhookUrl(URI.create(r.getUrl())),
        r.getDescription(), Arrays.stream(r.getEventTypes()).map(EventType::of).collect(Collectors.toSet()),
        new WebhookSecret(r.getSecret()), r.getEnabled(), r.getDisabledReason(),
        r.getDisabledAt() == null ? null : r.getDisabledAt().toInstant(),
        r.getCreatedBy() == null ? null : new UserId(r.getCreatedBy()), r.getCreatedAt().toInstant(),
        r.getUpdatedAt().toInstant(), r.getVersion());
  }

  // ---- Deliveries -------------------------------------------------------------------------------------------

  @Override
  public void insertAll(List<WebhookDelivery> deliveries) {
    for (int from = 0; from < deliveries.size(); from += 1_000) {
      var insert = dsl.insertInto(WEBHOOK_DELIVERIES, WEBHOOK_DELIVERIES.TENANT_ID, WEBHOOK_DELIVERIES.ID,
          WEBHOOK_DELIVERIES.ENDPOINT_ID, WEBHOOK_DELIVERIES.EVENT_TYPE, WEBHOOK_DELIVERIES.PAYLOAD,
          WEBHOOK_DELIVERIES.STATUS, WEBHOOK_DELIVERIES.ATTEMPTS, WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT,
          WEBHOOK_DELIVERIES.CREATED_AT);
      for (WebhookDelivery d : deliveries.subList(from, Math.min(deliveries.size(), from + 1_000))) {
        insert = insert.values(d.tenant().value(), d.id(), d.endpointId(), d.type().key(), d.payload(),
            d.status().key(), d.attempts(), d.nextAttemptAt() == null ? null : at(d.nextAttemptAt()),
            at(d.createdAt()));
      }
      insert.execute();
    }
  }

  @Override
  public void forgetFinishedBefore(TenantId tenant, List<UUID> endpoints, Instant cutoff) {
    dsl.deleteFrom(WEBHOOK_DELIVERIES)
        .where(WEBHOOK_DELIVERIES.TENANT_ID.eq(tenant.value()), WEBHOOK_DELIVERIES.ENDPOINT_ID.in(endpoints),
            WEBHOOK_DELIVERIES.CREATED_AT.lt(at(cutoff)), WEBHOOK_DELIVERIES.STATUS.ne("pending"))
        .execute();
  }

  @Override
  public Optional<WebhookDelivery> lock(TenantId tenant, UUID id) {
    return dsl.selectFrom(WEBHOOK_DELIVERIES)
        .where(WEBHOOK_DELIVERIES.TENANT_ID.eq(tenant.value()), WEBHOOK_DELIVERIES.ID.eq(id))
        .forUpdate()
        .fetchOptional(r -> delivery(r, List.of()));
  }

  @Override
  public Optional<WebhookDelivery> read(TenantId tenant, UUID id) {
    return dsl.selectFrom(WEBHOOK_DELIVERIES)
        .where(WEBHOOK_DELIVERIES.TENANT_ID.eq(tenant.value()), WEBHOOK_DELIVERIES.ID.eq(id))
        .fetchOptional(r -> delivery(r, attempts(tenant, List.of(id)).getOrDefault(id, List.of())));
  }

  @Override
  public void update(WebhookDelivery d) {
    dsl.update(WEBHOOK_DELIVERIES)
        .set(WEBHOOK_DELIVERIES.STATUS, d.status().key())
        .set(WEBHOOK_DELIVERIES.ATTEMPTS, d.attempts())
        .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, d.nextAttemptAt() == null ? null : at(d.nextAttemptAt()))
        .set(WEBHOOK_DELIVERIES.LAST_ATTEMPT_AT, d.lastAttemptAt() == null ? null : at(d.lastAttemptAt()))
        .where(WEBHOOK_DELIVERIES.TENANT_ID.eq(d.tenant().value()), WEBHOOK_DELIVERIES.ID.eq(d.id()))
        .execute();
  }

  @Override
  public void addAttempt(TenantId tenant, UUID deliveryId, DeliveryAttempt a) {
    dsl.insertInto(WEBHOOK_ATTEMPTS)
        .set(WEBHOOK_ATTEMPTS.TENANT_ID, tenant.value())
        .set(WEBHOOK_ATTEMPTS.DELIVERY_ID, deliveryId)
        .set(WEBHOOK_ATTEMPTS.ATTEMPT, a.attempt())
        .set(WEBHOOK_ATTEMPTS.AT, at(a.at()))
        .set(WEBHOOK_ATTEMPTS.STATUS_CODE, a.statusCode())
        .set(WEBHOOK_ATTEMPTS.DURATION_MS, (int) Math.min(Integer.MAX_VALUE, a.durationMs()))
        .set(WEBHOOK_ATTEMPTS.RESPONSE_EXCERPT, a.responseExcerpt())
        .set(WEBHOOK_ATTEMPTS.ERROR, a.error())
        .execute();
  }

  @Override
  public List<WebhookDelivery> recent(TenantId tenant, UUID endpointId, int limit) {
    var rows = dsl.selectFrom(WEBHOOK_DELIVERIES)
        .where(WEBHOOK_DELIVERIES.TENANT_ID.eq(tenant.value()), WEBHOOK_DELIVERIES.ENDPOINT_ID.eq(endpointId))
        .orderBy(WEBHOOK_DELIVERIES.CREATED_AT.desc(), WEBHOOK_DELIVERIES.ID)
        .limit(limit)
        .fetch();
    var attempts = attempts(tenant, rows.map(WebhookDeliveriesRecord::getId));
    return rows.map(r -> delivery(r, attempts.getOrDefault(r.getId(), List.of())));
  }

  private Map<UUID, List<DeliveryAttempt>> attempts(TenantId tenant, List<UUID> deliveries) {
    var out = new LinkedHashMap<UUID, List<DeliveryAttempt>>();
    if (deliveries.isEmpty()) {
      return out;
    }
    dsl.selectFrom(WEBHOOK_ATTEMPTS)
        .where(WEBHOOK_ATTEMPTS.TENANT_ID.eq(tenant.value()), WEBHOOK_ATTEMPTS.DELIVERY_ID.in(deliveries))
        .orderBy(WEBHOOK_ATTEMPTS.DELIVERY_ID, WEBHOOK_ATTEMPTS.ATTEMPT)
        .forEach(r -> out.computeIfAbsent(r.getDeliveryId(), k -> new ArrayList<>()).add(new DeliveryAttempt(
            r.getAttempt(), r.getAt().toInstant(), r.getStatusCode(), r.getDurationMs(), r.getResponseExcerpt(),
            r.getError())));
    return out;
  }

  private static WebhookDelivery delivery(WebhookDeliveriesRecord r, List<DeliveryAttempt> log) {
    return new WebhookDelivery(new TenantId(r.getTenantId()), r.getId(), r.getEndpointId(),
        EventType.of(r.getEventType()), r.getPayload(), DeliveryStatus.of(r.getStatus()), r.getAttempts(),
        r.getNextAttemptAt() == null ? null : r.getNextAttemptAt().toInstant(),
        r.getLastAttemptAt() == null ? null : r.getLastAttemptAt().toInstant(), r.getCreatedAt().toInstant(), log);
  }

  private static OffsetDateTime at(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }

}
