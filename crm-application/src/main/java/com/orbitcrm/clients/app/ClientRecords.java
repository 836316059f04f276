package com.orbitcrm.clients.app;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.port.Clients;
import com.orbitcrm.platform.RecordDirectory;
import com.orbitcrm.platform.RecordSummary;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers for clients through the platform's record seam: live clients of the current workspace. */
@Component
class ClientRecords implements RecordDirectory {

  private final Clients clients;

  ClientRecords(Clients clients) {
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
  @Transactional(readOnly = true)
  public Map<UUID, RecordSummary> find(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    var names = new LinkedHashMap<UUID, String>();
    clients.names(TenantContext.requireTenant(), ids.stream().map(ClientId::new).toList(), true)
        .forEach((id, name) -> names.put(id.value(), name));
    return RecordDirectory.summaries(Client.RECORD_TYPE, "/clients/", names);
  }
}
