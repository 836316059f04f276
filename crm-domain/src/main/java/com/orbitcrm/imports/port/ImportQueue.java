package com.orbitcrm.imports.port;

import com.orbitcrm.tenancy.TenantId;
import java.util.UUID;

/**
 * Secondary port: where queued imports wait for a runner. Persistent and shared by every instance: a job
 * queued before a restart runs after it.
 */
public interface ImportQueue {

  void enqueue(TenantId tenant, UUID importId);
}
