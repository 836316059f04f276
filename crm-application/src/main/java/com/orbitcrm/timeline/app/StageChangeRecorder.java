package com.orbitcrm.timeline.app;

import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealStageChanged;
import com.orbitcrm.deals.Deals;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.timeline.Activities;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityDetails;
import com.orbitcrm.timeline.EntityRef;
import com.orbitcrm.timeline.EntityType;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes the system's {@code status_change} entries: when a deal changes stage (the event is stored in
 * the event publication registry with the move's transaction, and handled after it commits), one entry
 * on the deal's timeline and one on its client's, saying from where to where and who moved it. Users
 * cannot log this type themselves.
 */
@Component
class StageChangeRecorder {

  private final Writer writer;

  StageChangeRecorder(Writer writer) {
    this.writer = writer;
  }

  @Async
  @TransactionalEventListener
  void on(DealStageChanged event) {
    // The transaction must start inside the event's workspace: set it first, then call the writer.
    TenantContext.runAs(TenantContext.Scope.system(event.tenant()), () -> writer.record(event));
  }

  @Component
  static class Writer {
    private final Activities activities;
    private final Deals deals;
    private final Pipeline pipeline = Pipeline.standard();

    Writer(Activities activities, Deals deals) {
      this.activities = activities;
      this.deals = deals;
    }

    @org.springframework.transaction.annotation.Transactional
    public void record(DealStageChanged event) {
      String from = pipeline.stage(event.fromStage()).map(Stage::label).orElse(event.fromStage());
      String to = pipeline.stage(event.toStage()).map(Stage::label).orElse(event.toStage());
      String dealName = deals.find(event.tenant(), event.deal()).map(d -> d.details().name()).orElse("A deal");
      var metadata = new LinkedHashMap<String, String>();
      metadata.put("fromStage", event.fromStage());
      metadata.put("toStage", event.toStage());
      metadata.put("dealId", event.deal().toString());
      metadata.put("dealName", dealName);
      // The entry's own id derives from the event, so a redelivered event cannot write it twice.
      activities.insert(new Activity(id(event, "deal"), event.tenant(), new EntityRef(EntityType.DEAL, event.deal().value()),
          ActivityDetails.statusChange(from + " → " + to, null), metadata, Activity.EmailTracking.NONE, event.by(),
          event.at()));
      if (event.clientId() != null) {
        activities.insert(new Activity(id(event, "client"), event.tenant(),
            new EntityRef(EntityType.CLIENT, event.clientId().value()),
            ActivityDetails.statusChange(dealName + ": " + from + " → " + to, null), metadata,
            Activity.EmailTracking.NONE, event.by(), event.at()));
      }
    }

    private static UUID id(DealStageChanged event, String on) {
      return UUID.nameUUIDFromBytes((event.deal() + "|" + event.at() + "|" + event.toStage() + "|" + on)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
