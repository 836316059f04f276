package com.orbitcrm.timeline.app;

import com.orbitcrm.clients.Client;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealStageChanged;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.platform.NotFoundException;
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
import org.jspecify.annotations.Nullable;
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
    Pipeline fromPipeline = pipeline(event.fromPipeline());
    Pipeline toPipeline = pipeline(event.toPipeline());
    String from = label(fromPipeline, event.fromStage());
    String to = label(toPipeline, event.toStage());
    if (event.pipelineChanged() && fromPipeline != null && toPipeline != null) {
      from = fromPipeline.name() + ": " + from;
      to = toPipeline.name() + ": " + to;
    }
    var deal = new RecordRef(Deal.RECORD_TYPE, event.deal().value());
    String dealName = records.find(deal).map(RecordSummary::label).orElse("A deal");
    var metadata = new LinkedHashMap<String, String>();
    metadata.put("fromStage", event.fromStage());
    metadata.put("toStage", event.toStage());
    if (event.pipelineChanged()) {
      metadata.put("fromPipeline", event.fromPipeline().toString());
      metadata.put("toPipeline", event.toPipeline().toString());
    }
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

  /** The stage's pipeline as it is now; {@literal null} once archived (the label falls back to the key). */
  private @Nullable Pipeline pipeline(@Nullable PipelineId id) {
    try {
      return deals.pipeline(id);
    } catch (NotFoundException e) {
      return null;
    }
  }

  private static String label(@Nullable Pipeline pipeline, String key) {
    return pipeline == null ? key : pipeline.stage(key).map(Stage::label).orElse(key);
  }

  private static UUID id(DealStageChanged event, String on) {
    return UUID.nameUUIDFromBytes((event.deal() + "|" + event.at() + "|" + event.toStage() + "|" + on)
        .getBytes(StandardCharsets.UTF_8));
  }
}
