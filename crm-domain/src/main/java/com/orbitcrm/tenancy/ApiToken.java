package com.orbitcrm.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token for one workspace, as stored: its secret is never kept, only a hash of it,
 * and {@code prefix} lets its owner recognise it in a list. {@code role} is the most it may do; at use it
 * carries the weaker of that and its creator's current role in the workspace.
 */
public record ApiToken(UUID id, TenantId tenant, UserId user, String name, String prefix, Role role,
                       Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

  public static final int MAX_NAME = 100;

  public boolean active() {
    return revokedAt == null;
  }
}
