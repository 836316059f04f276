package com.orbitcrm.deals.app;

import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.port.Deals;
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
    if (ids.isEmpty()) {
      return Map.of();
    }
    var names = new LinkedHashMap<UUID, String>();
    deals.names(TenantContext.requireTenant(), ids.stream().map(DealId::new).toList())
        .forEach((id, name) -> names.put(id.value(), name));
    return RecordDirectory.summaries(Deal.RECORD_TYPE, "/deals/", names);
  }
}
