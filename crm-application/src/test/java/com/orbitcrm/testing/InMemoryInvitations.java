package com.orbitcrm.testing;

import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.Invitation;
import com.orbitcrm.tenancy.OpenInvitation;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.port.Invitations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Invitations in a map, with the rules the table's constraints and policies keep (for use case tests). */
public class InMemoryInvitations implements Invitations {

  private final Map<UUID, Invitation> rows = new HashMap<>();
  private final Map<String, UUID> byHash = new HashMap<>();
  private final InMemoryUsers users;
  private final Clock clock;

  public InMemoryInvitations(InMemoryUsers users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @Override
  public void create(Invitation invitation, String tokenHash) {
    if (rows.values().stream().anyMatch(i -> open(i) && i.tenant().equals(invitation.tenant())
        && i.email().equals(invitation.email()))) {
      throw new IllegalStateException("a second open invitation for " + invitation.email());
    }
    rows.put(invitation.id(), invitation);
    byHash.put(tokenHash, invitation.id());
  }

  @Override
  public void revokeOpen(TenantId tenant, EmailAddress email) {
    rows.values().stream().filter(i -> open(i) && i.tenant().equals(tenant) && i.email().equals(email)).toList()
        .forEach(i -> revoke(tenant, i.id()));
  }

  @Override
  public List<Invitation> open(TenantId tenant) {
    return rows.values().stream().filter(i -> open(i) && i.tenant().equals(tenant))
        .sorted(Comparator.comparing(Invitation::createdAt).reversed()).toList();
  }

  @Override
  public Optional<Invitation> lock(TenantId tenant, UUID id) {
    return Optional.ofNullable(rows.get(id)).filter(i -> i.tenant().equals(tenant));
  }

  @Override
  public Optional<OpenInvitation> findByTokenHash(String tokenHash) {
    return Optional.ofNullable(byHash.get(tokenHash)).map(rows::get).map(i -> new OpenInvitation(i, "Workspace"));
  }

  @Override
  public List<OpenInvitation> openFor(UserId user) {
    var email = users.find(user).orElseThrow().email();
    return new ArrayList<>(rows.values().stream().filter(i -> open(i) && i.email().equals(email))
        .map(i -> new OpenInvitation(i, "Workspace")).toList());
  }

  @Override
  public boolean revoke(TenantId tenant, UUID id) {
    var i = rows.get(id);
    if (i == null || !i.tenant().equals(tenant) || !open(i)) {
      return false;
    }
    rows.put(id, new Invitation(i.id(), i.tenant(), i.email(), i.role(), i.invitedBy(), i.createdAt(), i.expiresAt(),
        null, clock.instant()));
    return true;
  }

  @Override
  public boolean markAccepted(TenantId tenant, UUID id, UserId user) {
    var i = rows.get(id);
    if (i == null || !i.tenant().equals(tenant) || !open(i)) {
      return false;
    }
    rows.put(id, new Invitation(i.id(), i.tenant(), i.email(), i.role(), i.invitedBy(), i.createdAt(), i.expiresAt(),
        clock.instant(), null));
    return true;
  }

  private static boolean open(Invitation i) {
    return i.acceptedAt() == null && i.revokedAt() == null;
  }
}
