package com.orbitcrm.clients.app;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.port.Clients;
import com.orbitcrm.platform.NamedRecords;
import com.orbitcrm.tenancy.TenantContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Answers for clients through the platform's record seam: live clients of the current workspace. */
@Component
class ClientRecords extends NamedRecords {

  private final Clients clients;

  ClientRecords(Clients clients) {
    super(Client.RECORD_TYPE, "Client", "/clients/");
    this.clients = clients;
  }

  @Override
  protected Map<UUID, String> names(Collection<UUID> ids) {
    var names = new LinkedHashMap<UUID, String>();
    clients.names(TenantContext.requireTenant(), ids.stream().map(ClientId::new).toList(), true)
        .forEach((id, name) -> names.put(id.value(), name));
    return names;
  }
}
