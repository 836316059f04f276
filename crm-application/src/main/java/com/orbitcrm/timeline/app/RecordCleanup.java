package com.orbitcrm.timeline.app;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientPurged;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealPurged;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.timeline.port.Activities;
import com.orbitcrm.timeline.port.Notes;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a record is purged for good, its timeline and notes go with it: nothing is left pointing at a
 * record that no longer exists. (A trashed record keeps them, for a restore.)
 */
@Component
class RecordCleanup {

  private final Activities activities;
  private final Notes notes;

  RecordCleanup(Activities activities, Notes notes) {
    this.activities = activities;
    this.notes = notes;
  }

  @ApplicationModuleListener
  void on(ClientPurged event) {
    forget(event.tenant(), new RecordRef(Client.RECORD_TYPE, event.client().value()));
  }

  @ApplicationModuleListener
  void on(DealPurged event) {
    forget(event.tenant(), new RecordRef(Deal.RECORD_TYPE, event.deal().value()));
  }

  private void forget(TenantId tenant, RecordRef record) {
    activities.deleteAllOf(tenant, record);
    notes.deleteAllOf(tenant, record);
  }
}
