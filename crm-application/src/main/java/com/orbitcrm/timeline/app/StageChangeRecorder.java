package com.orbitcrm.timeline.app;

import com.orbitcrm.clients.Client;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealStageChanged;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordSummary;
import com.orbitcrm.platform.Records;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityDetails;
import com.orbitcrm.timeline.port.Activities;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the system's {@code status_change} entries: when a deal changes stage, one entry on the deal's
 * timeline and one on its client's, saying from where to where and who moved it. The event is stored in
 * the event publication registry with the move's transaction and handled after it commits, in the
 * event's workspace (set before this listener's transaction opens). Users cannot log this type themselves.
 */
@Component
class StageChangeRecorder {

  private final Activities activities;
  private final DealService deals;
  private final Records records;

  StageChangeRecorder(Activities activities, DealService deals, Records records) {
    this.activities = activities;
    this.deals = deals;
    this.records = records;
  }

  @ApplicationModuleListener
  void on(DealStageChanged event) {
    Pipeline pipeline = deals.pipeline();
    String from = pipeline.stage(event.fromStage()).map(Stage::label).orElse(event.fromStage());
    String to = pipeline.stage(event.toStage()).map(Stage::label).orElse(event.toStage());
    var deal = new RecordRef(Deal.RECORD_TYPE, event.deal().value());
    String dealName = records.find(deal).map(RecordSummary::label).orElse("A deal");
    var metadata = new LinkedHashMap<String, String>();
    metadata.put("fromStage", event.fromStage());
    metadata.put("toStage", event.toStage());
    metadata.put("dealId", event.deal().toString());
    metadata.put("dealName", dealName);
    // The entries' ids derive from the event, so a redelivered event cannot write them twice.
    activities.insert(new Activity(id(event, "deal"), event.tenant(), deal,
        ActivityDetails.statusChange(from + " → " + to, null), metadata, Activity.EmailTracking.NONE, event.by(),
        event.at()));
    if (event.clientId() != null) {
      activities.insert(new Activity(id(event, "client"), event.tenant(),
          new RecordRef(Client.RECORD_TYPE, event.clientId().value()),
          ActivityDetails.statusChange(dealName + ": " + from + " → " + to, null), metadata,
          Activity.EmailTracking.NONE, event.by(), event.at()));
    }
  }

  private static UUID id(DealStageChanged event, String on) {
    return UUID.nameUUIDFromBytes((event.deal() + "|" + event.at() + "|" + event.toStage() + "|" + on)
        .getBytes(StandardCharsets.UTF_8));
  }
}
