package com.orbitcrm.meetings.port;

import com.orbitcrm.tenancy.TenantId;
import java.util.Optional;

/**
 * Secondary port: a workspace's key for signing the answer links it sends attendees, made on first use and
 * then kept ({@code tenant_secrets}, under row-level security like every tenant row).
 */
public interface MeetingKeys {

  /** The workspace's key, if it has one yet. */
  Optional<byte[]> find(TenantId tenant);

  /** The workspace's key (at least 32 random bytes), made now if it has none; the same ever after. */
  byte[] obtain(TenantId tenant);
}
