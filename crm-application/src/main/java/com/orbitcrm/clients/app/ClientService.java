package com.orbitcrm.clients.app;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.ClientPage;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.Clients;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clients of the current workspace: list and search, read, create, edit (with optimistic
 * locking), move to the trash and restore. Everyone reads; members and above write; admins restore.
 */
@Service
public class ClientService {

  private final Clients clients;
  private final Workspaces workspaces;
  private final Clock clock;

  ClientService(Clients clients, Workspaces workspaces) {
    this.clients = clients;
    this.workspaces = workspaces;
    this.clock = Clock.systemUTC();
  }

  @Transactional(readOnly = true)
  public ClientPage list(ClientQuery query) {
    var scope = query.trashed() ? TenantContext.requireAdmin() : TenantContext.require();
    return clients.find(scope.tenant(), query);
  }

  /** The names of those of {@code ids} that are clients of this workspace, for labels on other pages. */
  @Transactional(readOnly = true)
  public Map<ClientId, String> names(Collection<ClientId> ids) {
    return clients.names(TenantContext.requireTenant(), ids);
  }

  /** A live client of this workspace; 404 for a trashed one, or one of another workspace. */
  @Transactional(readOnly = true)
  public Client get(ClientId id) {
    return clients.find(TenantContext.requireTenant(), id)
        .filter(c -> !c.trashed())
        .orElseThrow(() -> new NotFoundException("Client"));
  }

  @Transactional
  public Client create(ClientDraft draft) {
    var scope = TenantContext.requireWriter();
    ClientDetails details = ClientDetails.from(draft);
    requireMemberOwner(details);
    var client = Client.create(new ClientId(UUID.randomUUID()), scope.tenant(), details, scope.user(), clock.instant());
    clients.insert(client);
    return get(client.id());
  }

  /**
   * Applies {@code change} to the client's current fields and saves the result.
   *
   * @param expectedVersion the version the caller edited; {@literal null} to skip the check.
   * @throws ConflictException when someone else saved the client in between.
   */
  @Transactional
  public Client update(ClientId id, @Nullable Integer expectedVersion, UnaryOperator<ClientDraft> change) {
    TenantContext.requireWriter();
    Client current = get(id);
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new ConflictException("This client was changed by someone else (version " + current.version()
          + ", you edited " + expectedVersion + "): reload it and try again");
    }
    ClientDetails details = ClientDetails.from(change.apply(ClientDraft.of(current.details())));
    if (details.accountOwnerId() != null && !details.accountOwnerId().equals(current.details().accountOwnerId())) {
      requireMemberOwner(details);
    }
    if (!clients.update(current.edit(details, clock.instant()))) {
      throw new ConflictException("This client was changed by someone else: reload it and try again");
    }
    return get(id);
  }

  /** Moves the client to the trash, from which an admin can restore it for 30 days. */
  @Transactional
  public void delete(ClientId id) {
    var scope = TenantContext.requireWriter();
    if (!clients.trash(scope.tenant(), id, clock.instant())) {
      throw new NotFoundException("Client");
    }
  }

  @Transactional
  public Client restore(ClientId id) {
    var scope = TenantContext.requireAdmin();
    Client client = clients.find(scope.tenant(), id).orElseThrow(() -> new NotFoundException("Client"));
    if (!client.trashed()) {
      return client;
    }
    if (!client.restorableAt(clock.instant()) || !clients.restore(scope.tenant(), id)) {
      throw new NotFoundException("Client");
    }
    return get(id);
  }

  /** Deletes for good this workspace's clients that have been in the trash for more than 30 days. */
  @Transactional
  public int purgeExpiredTrash() {
    var tenant = TenantContext.requireTenant();
    return clients.purgeTrashedBefore(tenant, clock.instant().minus(Duration.ofDays(Client.TRASH_DAYS)));
  }

  private void requireMemberOwner(ClientDetails details) {
    if (details.accountOwnerId() != null
        && workspaces.roleOf(TenantContext.requireTenant(), details.accountOwnerId()).isEmpty()) {
      throw InvalidInputException.of("accountOwnerId", "is not a member of this workspace");
    }
  }
}
