package com.orbitcrm.deals.app;

import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.deals.Deal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A chunk of an export: deals in the list's order, and their custom-field values by deal id and field name. */
public record DealBatch(List<Deal> deals, Map<UUID, Map<String, FieldValue>> values) {

  public DealBatch {
    deals = List.copyOf(deals);
    values = Map.copyOf(values);
  }
}
