package com.orbitcrm.integrations.app;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.ClientTrashed;
import com.orbitcrm.clients.ClientsCreated;
import com.orbitcrm.clients.ClientsUpdated;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealStageChanged;
import com.orbitcrm.deals.DealTrashed;
import com.orbitcrm.deals.DealsCreated;
import com.orbitcrm.deals.DealsUpdated;
import com.orbitcrm.integrations.EventType;
import com.orbitcrm.integrations.WebhookDelivery;
import com.orbitcrm.integrations.WebhookEndpoint;
import com.orbitcrm.integrations.WebhookPayload;
import com.orbitcrm.integrations.port.DeliveryQueue;
import com.orbitcrm.integrations.port.WebhookDeliveries;
import com.orbitcrm.integrations.port.WebhookEndpoints;
import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingChanged;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordSummary;
import com.orbitcrm.platform.Records;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.timeline.ActivityLogged;
import com.orbitcrm.timeline.NoteAdded;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the record modules' events into deliveries: for each event, one delivery per switched-on endpoint that
 * subscribed to its type, written and queued in one transaction. The events come from the event publication
 * registry after their write committed (the transactional outbox: an event not handled before a crash is
 * delivered again by housekeeping), on the event threads — never on the request's, so a write is not slower for
 * the endpoints registered. A workspace without subscribers costs one indexed read per event.
 */
@Component
class WebhookDispatcher {

  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final DeliveryQueue queue;
  private final Records records;
  private final Clock clock;

  WebhookDispatcher(WebhookEndpoints endpoints, WebhookDeliveries deliveries, DeliveryQueue queue, Records records,
                    Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.queue = queue;
    this.records = records;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(ClientsCreated event) {
    clients(EventType.CLIENT_CREATED, event.tenant(), event.clients(), event.by(), event.at());
  }

  @ApplicationModuleListener
  void on(ClientsUpdated event) {
    clients(EventType.CLIENT_UPDATED, event.tenant(), event.clients(), event.by(), event.at());
  }

  @ApplicationModuleListener
  void on(ClientTrashed event) {
    clients(EventType.CLIENT_DELETED, event.tenant(), List.of(event.client()), null, event.at());
  }

  @ApplicationModuleListener
  void on(DealsCreated event) {
    deals(EventType.DEAL_CREATED, event.tenant(), event.deals(), event.by(), event.at(), d -> Map.of());
  }

  @ApplicationModuleListener
  void on(DealsUpdated event) {
    deals(EventType.DEAL_UPDATED, event.tenant(), event.deals(), event.by(), event.at(), d -> Map.of());
  }

  @ApplicationModuleListener
  void on(DealStageChanged event) {
    deals(EventType.DEAL_STAGE_CHANGED, event.tenant(), List.of(event.deal()), event.by(), event.at(), d -> {
      var extra = new LinkedHashMap<String, @Nullable Object>();
      extra.put("fromStage", event.fromStage());
      extra.put("toStage", event.toStage());
      extra.put("fromPipelineId", text(event.fromPipeline()));
      extra.put("toPipelineId", text(event.toPipeline()));
      extra.put("clientId", text(event.clientId()));
      return extra;
    });
  }

  @ApplicationModuleListener
  void on(DealTrashed event) {
    deals(EventType.DEAL_DELETED, event.tenant(), List.of(event.deal()), null, event.at(), d -> Map.of());
  }

  @ApplicationModuleListener
  void on(ActivityLogged event) {
    var data = new LinkedHashMap<String, @Nullable Object>();
    data.put("id", event.activity().toString());
    data.put("recordType", "activity");
    data.put("entityType", event.entity().type().key());
    data.put("entityId", event.entity().id().toString());
    data.put("by", text(event.by()));
    dispatch(event.tenant(), EventType.ACTIVITY_CREATED, event.at(), () -> List.of(data));
  }

  @ApplicationModuleListener
  void on(NoteAdded event) {
    var data = new LinkedHashMap<String, @Nullable Object>();
    data.put("id", event.note().toString());
    data.put("recordType", "note");
    data.put("entityType", event.entity().type().key());
    data.put("entityId", event.entity().id().toString());
    data.put("by", text(event.by()));
    dispatch(event.tenant(), EventType.NOTE_CREATED, event.at(), () -> List.of(data));
  }

  @ApplicationModuleListener
  void on(MeetingChanged event) {
    EventType type = switch (event.change()) {
      case SCHEDULED -> EventType.MEETING_SCHEDULED;
      case RESCHEDULED -> EventType.MEETING_RESCHEDULED;
      case UPDATED -> EventType.MEETING_UPDATED;
      case COMPLETED -> EventType.MEETING_COMPLETED;
      case CANCELLED -> EventType.MEETING_CANCELLED;
      case DELETED -> EventType.MEETING_DELETED;
      case NONE -> null;
    };
    if (type == null) {
      return;
    }
    dispatch(event.tenant(), type, event.at(), () -> {
      var ref = new RecordRef(Meeting.RECORD_TYPE, event.meeting().value());
      var data = record(ref, records.find(ref).map(RecordSummary::label).orElse(null), event.by());
      data.put("sequence", event.sequence());
      data.put("entityType", event.entity() == null ? null : event.entity().type().key());
      data.put("entityId", event.entity() == null ? null : event.entity().id().toString());
      data.put("dealId", text(event.dealId()));
      return List.of(data);
    });
  }

  private void clients(EventType type, TenantId tenant, List<ClientId> ids, @Nullable UserId by, Instant at) {
    dispatch(tenant, type, at, () -> {
      var refs = ids.stream().map(id -> new RecordRef(Client.RECORD_TYPE, id.value())).toList();
      var labels = records.find(refs);
      return refs.stream().map(ref -> record(ref, label(labels, ref), by)).toList();
    });
  }

  private void deals(EventType type, TenantId tenant, List<DealId> ids, @Nullable UserId by, Instant at,
                     Function<DealId, Map<String, @Nullable Object>> extra) {
    dispatch(tenant, type, at, () -> {
      var refs = ids.stream().map(id -> new RecordRef(Deal.RECORD_TYPE, id.value())).toList();
      var labels = records.find(refs);
      var out = new ArrayList<Map<String, @Nullable Object>>();
      for (int i = 0; i < ids.size(); i++) {
        var data = record(refs.get(i), label(labels, refs.get(i)), by);
        data.putAll(extra.apply(ids.get(i)));
        out.add(data);
      }
      return out;
    });
  }

  /**
   * Writes and queues one delivery per subscriber and record; reads the records' data only when someone
   * subscribed.
   */
  private void dispatch(TenantId tenant, EventType type, Instant at,
                        java.util.function.Supplier<List<? extends Map<String, @Nullable Object>>> data) {
    TenantContext.requireTenant();
    List<WebhookEndpoint> subscribers = endpoints.subscribers(tenant, type);
    if (subscribers.isEmpty()) {
      return;
    }
    var now = clock.instant();
    var made = new ArrayList<WebhookDelivery>();
    for (var item : data.get()) {
      String payload = new WebhookPayload(type, at, item).json();
      for (WebhookEndpoint endpoint : subscribers) {
        made.add(WebhookDelivery.of(tenant, endpoint.id(), type, payload, now));
      }
    }
    deliveries.insertAll(made);
    // Finished deliveries are kept for WebhookDelivery.KEPT; each new one sweeps its endpoints' older ones.
    deliveries.forgetFinishedBefore(tenant, subscribers.stream().map(WebhookEndpoint::id).toList(),
        now.minus(WebhookDelivery.KEPT));
    for (WebhookDelivery d : made) {
      queue.schedule(tenant, d.id(), now, false);
    }
  }

  private static LinkedHashMap<String, @Nullable Object> record(RecordRef ref, @Nullable String label,
                                                                @Nullable UserId by) {
    var data = new LinkedHashMap<String, @Nullable Object>();
    data.put("id", ref.id().toString());
    data.put("recordType", ref.type().key());
    data.put("label", label);
    data.put("by", text(by));
    return data;
  }

  private static @Nullable String label(Map<RecordRef, RecordSummary> labels, RecordRef ref) {
    var summary = labels.get(ref);
    return summary == null ? null : summary.label();
  }

  private static @Nullable String text(@Nullable Object o) {
    return o == null ? null : o.toString();
  }
}
