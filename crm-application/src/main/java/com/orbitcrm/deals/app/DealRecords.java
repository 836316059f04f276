package com.orbitcrm.deals.app;

import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.port.Deals;
import com.orbitcrm.platform.RecordDirectory;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordSummary;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers for deals through the platform's record seam: live deals of the current workspace. */
@Component
class DealRecords implements RecordDirectory {

  private final Deals deals;

  DealRecords(Deals deals) {
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
  @Transactional(readOnly = true)
  public Map<UUID, RecordSummary> find(Collection<UUID> ids) {
    var found = new LinkedHashMap<UUID, RecordSummary>();
    if (ids.isEmpty()) {
      return found;
    }
    deals.names(TenantContext.requireTenant(), ids.stream().map(DealId::new).toList())
        .forEach((id, name) -> found.put(id.value(),
            new RecordSummary(new RecordRef(Deal.RECORD_TYPE, id.value()), name, "/deals/" + id)));
    return found;
  }
}
