package com.orbitcrm.clients.port;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.ClientPage;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Secondary port: the stored clients of a workspace. Internal to the clients module: other modules
 * reach clients through its use cases or the {@link com.orbitcrm.platform.RecordDirectory} seam.
 */
public interface Clients {

  /** The client, trashed or not. */
  Optional<Client> find(TenantId tenant, ClientId id);

  /**
   * At most {@code limit} live clients each of whose {@code words} starts a word of its name, contact name or
   * e-mail (see {@code platform.SearchWords}); the closest word matches first. For the command bar.
   */
  List<Client> findByWords(TenantId tenant, List<String> words, int limit);

  ClientPage find(TenantId tenant, ClientQuery query);

  /**
   * Every client the query matches, in its order (its cursor and limit aside), handed to {@code sink}
   * {@code chunk} at a time from one server-side cursor: an export reads a million in constant memory.
   */
  void each(TenantId tenant, ClientQuery query, int chunk, Consumer<List<Client>> sink);

  /** The names of those of {@code ids} that are clients of the workspace; {@code live}: not trashed only. */
  Map<ClientId, String> names(TenantId tenant, Collection<ClientId> ids, boolean live);

  void insert(Client client);

  /** Inserts many new clients at once (an import's batch); the same columns as {@link #insert}. */
  default void insertAll(List<Client> clients) {
    clients.forEach(this::insert);
  }

  /** Those of {@code ids} that are clients of the workspace, trashed or not. */
  default Map<ClientId, Client> findAll(TenantId tenant, Collection<ClientId> ids) {
    var found = new java.util.LinkedHashMap<ClientId, Client>();
    ids.forEach(id -> find(tenant, id).ifPresent(c -> found.put(id, c)));
    return found;
  }

  /**
   * Live clients by a key: {@code field} is {@code contactEmail}, {@code companyId} or {@code name}; {@code keys}
   * are compared without case or outer blanks. Answers key → the oldest such client.
   */
  Map<String, ClientId> findLiveBy(TenantId tenant, String field, Collection<String> keys);

  /** Moves live clients to the trash at once; answers those moved. */
  default List<ClientId> trashAll(TenantId tenant, Collection<ClientId> ids, Instant at) {
    return ids.stream().filter(id -> trash(tenant, id, at)).toList();
  }

  /** @return false when the stored version is not {@code client.version()} (someone else saved first). */
  boolean update(Client client);

  /** @return whether a live client was moved to the trash. */
  boolean trash(TenantId tenant, ClientId id, Instant at);

  /** @return whether a trashed client was restored. */
  boolean restore(TenantId tenant, ClientId id);

  /** Deletes for good what has been in the trash since before {@code cutoff}; answers the ids deleted. */
  List<ClientId> purgeTrashedBefore(TenantId tenant, Instant cutoff);
}
