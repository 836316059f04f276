package com.orbitcrm.meetings.port;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.util.Optional;

/** Secondary port: each member's secret calendar-feed key, stored as a SHA-256 hash only. */
public interface CalendarFeeds {

  /** Whose feed the key with this hash opens, in this workspace. */
  Optional<UserId> owner(TenantId tenant, byte[] keyHash);

  boolean exists(TenantId tenant, UserId user);

  /** Gives the member a new key (the old one stops working). */
  void replace(TenantId tenant, UserId user, byte[] keyHash);

  void revoke(TenantId tenant, UserId user);
}
