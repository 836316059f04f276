package com.orbitcrm.clients.web;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.ClientSort;
import com.orbitcrm.clients.app.ClientService;
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

/** Clients for other modules' pickers and forms: found by name, and their contact. */
@Component
class ClientLookup implements RecordLookup {

  private final ClientService clients;

  ClientLookup(ClientService clients) {
    this.clients = clients;
  }

  @Override
  public RecordType type() {
    return Client.RECORD_TYPE;
  }

  @Override
  public String typeLabel() {
    return "Client";
  }

  @Override
  public List<RecordSummary> search(String words, int limit) {
    String w = words.strip();
    var page = clients.list(new ClientQuery(w.isEmpty() ? null : w.substring(0, Math.min(w.length(), 200)), null, null,
        null, null, ClientSort.NAME, null, Math.clamp(limit, 1, ClientQuery.MAX_LIMIT), false));
    return page.items().stream().map(c -> new RecordSummary(new RecordRef(Client.RECORD_TYPE, c.id().value()),
        c.details().name(), "/clients/" + c.id())).toList();
  }

  @Override
  public Optional<Contact> contact(UUID id) {
    try {
      Contact contact = clients.get(new ClientId(id)).details().contact();
      return contact.isEmpty() ? Optional.empty() : Optional.of(contact);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }
}
