package com.orbitcrm.clients;

import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Secondary port: the stored clients of a workspace. */
public interface Clients {

  /** The client, trashed or not. */
  Optional<Client> find(TenantId tenant, ClientId id);

  ClientPage find(TenantId tenant, ClientQuery query);

  /** The names of those of {@code ids} that are clients of the workspace (trashed ones included). */
  Map<ClientId, String> names(TenantId tenant, Collection<ClientId> ids);

  void insert(Client client);

  /** @return false when the stored version is not {@code client.version()} (someone else saved first). */
  boolean update(Client client);

  /** @return whether a live client was moved to the trash. */
  boolean trash(TenantId tenant, ClientId id, Instant at);

  /** @return whether a trashed client was restored. */
  boolean restore(TenantId tenant, ClientId id);

  /** Deletes for good what has been in the trash since before {@code cutoff}; returns how many. */
  int purgeTrashedBefore(TenantId tenant, Instant cutoff);
}
