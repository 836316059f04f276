package com.orbitcrm.platform;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where idempotency keys and their first answers are kept (a port; the jOOQ adapter in {@code platform.jooq}). All
 * calls run in the caller's transaction, in its workspace.
 */
public interface IdempotencyRecords {

  /** A key's first request and, once it ended, its answer ({@code status} {@literal null} while in progress). */
  record Stored(byte[] fingerprint, @Nullable Integer status, @Nullable String contentType, Map<String, String> headers,
                byte @Nullable [] body, java.time.Instant createdAt) {}

  /**
   * Claims the key for this request: inserts its row unless one exists. A concurrent claim of the same key waits
   * until this transaction ends.
   *
   * @return whether this request holds the key now (else {@link #find} tells what the other one did).
   */
  boolean claim(UUID tenant, String principal, IdempotencyKey key, byte[] fingerprint);

  Optional<Stored> find(UUID tenant, String principal, IdempotencyKey key);

  /** Keeps the answer of the request that holds the key. */
  void answer(UUID tenant, String principal, IdempotencyKey key, int status, @Nullable String contentType,
              Map<String, String> headers, byte[] body);

  /** Forgets a key that expired (made before the cutoff), so that it can be used again. */
  void forgetExpired(UUID tenant, String principal, IdempotencyKey key, java.time.Instant cutoff);

  /** Deletes every workspace's keys made before the cutoff; answers how many. */
  long deleteBefore(java.time.Instant cutoff);
}
