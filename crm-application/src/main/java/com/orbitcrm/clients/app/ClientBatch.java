package com.orbitcrm.clients.app;

import com.orbitcrm.clients.Client;
import com.orbitcrm.customfields.FieldValue;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A chunk of an export: clients in the list's order, and their custom-field values by client id and field name. */
public record ClientBatch(List<Client> clients, Map<UUID, Map<String, FieldValue>> values) {

  public ClientBatch {
    clients = List.copyOf(clients);
    values = Map.copyOf(values);
  }
}
