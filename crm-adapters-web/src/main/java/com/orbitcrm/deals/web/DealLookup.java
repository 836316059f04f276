package com.orbitcrm.deals.web;

import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.Contact;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordSummary;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.platform.web.RecordLookup;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Deals for other modules' pickers and forms: found by name (newest first), and their contact. */
@Component
class DealLookup implements RecordLookup {

  private final DealService deals;

  DealLookup(DealService deals) {
    this.deals = deals;
  }

  @Override
  public RecordType type() {
    return Deal.RECORD_TYPE;
  }

  @Override
  public String typeLabel() {
    return "Deal";
  }

  @Override
  public List<RecordSummary> search(String words, int limit) {
    String w = words.strip();
    var query = DealQuery.newest(Math.clamp(limit, 1, DealQuery.MAX_LIMIT))
        .matching(w.isEmpty() ? null : w.substring(0, Math.min(w.length(), 200)));
    return deals.list(query).items().stream().map(d -> new RecordSummary(new RecordRef(Deal.RECORD_TYPE, d.id().value()),
        d.details().name(), "/deals/" + d.id())).toList();
  }

  @Override
  public Optional<Contact> contact(UUID id) {
    try {
      Contact contact = deals.get(new DealId(id)).details().contact();
      return contact.isEmpty() ? Optional.empty() : Optional.of(contact);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }
}
