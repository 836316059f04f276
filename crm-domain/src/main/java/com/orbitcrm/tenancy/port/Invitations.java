package com.orbitcrm.tenancy.port;

import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.Invitation;
import com.orbitcrm.tenancy.OpenInvitation;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Secondary port: invitations to join a workspace. Only the hash of an invitation's token is stored. */
public interface Invitations {

  void create(Invitation invitation, String tokenHash);

  /** Revokes the open invitation of {@code email} in the workspace, if there is one (it is being replaced). */
  void revokeOpen(TenantId tenant, EmailAddress email);

  /** The workspace's open invitations (expired ones included: an admin sees them lapse), newest first. */
  List<Invitation> open(TenantId tenant);

  /** The invitation, locked for the rest of the transaction (accepting and revoking read it this way). */
  Optional<Invitation> lock(TenantId tenant, UUID id);

  /** The invitation whose token hashes to {@code tokenHash}, in whichever workspace; for its holder only. */
  Optional<OpenInvitation> findByTokenHash(String tokenHash);

  /** The open invitations addressed to {@code user}'s own e-mail address, across workspaces. */
  List<OpenInvitation> openFor(UserId user);

  /** @return whether an open invitation was revoked. */
  boolean revoke(TenantId tenant, UUID id);

  /** Marks an open invitation used by {@code user}; @return whether it was still open. */
  boolean markAccepted(TenantId tenant, UUID id, UserId user);
}
