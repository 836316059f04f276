package com.orbitcrm.testing;

import java.util.Comparator;
import java.util.UUID;

/** How PostgreSQL orders what the fakes sort on, where Java would differ. */
public final class StoreOrder {

  private StoreOrder() {}

  /**
   * PostgreSQL compares uuids byte by byte, unsigned; {@link UUID#compareTo} compares signed longs. The
   * canonical lower-case text has a fixed width, so comparing it gives PostgreSQL's order.
   */
  public static final Comparator<UUID> UUIDS = Comparator.comparing(UUID::toString);
}
