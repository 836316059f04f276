package com.orbitcrm.deals.app;

import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.port.Deals;
import com.orbitcrm.platform.NamedRecords;
import com.orbitcrm.tenancy.TenantContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Answers for deals through the platform's record seam: live deals of the current workspace. */
@Component
class DealRecords extends NamedRecords {

  private final Deals deals;

  DealRecords(Deals deals) {
    super(Deal.RECORD_TYPE, "Deal", "/deals/");
    this.deals = deals;
  }

  @Override
  protected Map<UUID, String> names(Collection<UUID> ids) {
    var names = new LinkedHashMap<UUID, String>();
    deals.names(TenantContext.requireTenant(), ids.stream().map(DealId::new).toList())
        .forEach((id, name) -> names.put(id.value(), name));
    return names;
  }
}
