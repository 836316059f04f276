package com.orbitcrm.insights;

import com.orbitcrm.deals.port.Deals;

/**
 * A planted violation, never part of the application: the insights module reading deals through the
 * deals module's internal port instead of its use cases. ModularityTests imports it on purpose and
 * expects the verification to reject it.
 */
class PlantedDealsReader {

  private final Deals deals;

  PlantedDealsReader(Deals deals) {
    this.deals = deals;
  }

  Deals deals() {
    return deals;
  }
}
