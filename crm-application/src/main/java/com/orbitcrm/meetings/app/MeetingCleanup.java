package com.orbitcrm.meetings.app;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientPurged;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealPurged;
import com.orbitcrm.meetings.port.Meetings;
import com.orbitcrm.platform.RecordRef;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a client or a deal is purged for good, the meetings about it go with it (a meeting about a client
 * that served a purged deal stays, without the deal). A trashed record keeps them, for a restore.
 */
@Component
class MeetingCleanup {

  private final Meetings meetings;

  MeetingCleanup(Meetings meetings) {
    this.meetings = meetings;
  }

  @ApplicationModuleListener
  void on(ClientPurged event) {
    meetings.deleteAllOf(event.tenant(), new RecordRef(Client.RECORD_TYPE, event.client().value()));
  }

  @ApplicationModuleListener
  void on(DealPurged event) {
    meetings.deleteAllOf(event.tenant(), new RecordRef(Deal.RECORD_TYPE, event.deal().value()));
  }
}
