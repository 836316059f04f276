package com.orbitcrm.tenancy.port;

import com.orbitcrm.tenancy.ApiToken;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Secondary port: stored API tokens (hashes only). */
public interface ApiTokens {

  void create(ApiToken token, String hash);

  /** A presented token and its creator's current role in the token's workspace. */
  record Presented(ApiToken token, Role memberRole) {}

  /**
   * The token with this hash, whatever its workspace (only the holder of the secret can ask), if its
   * creator is still a member there.
   */
  Optional<Presented> findByHash(String hash);

  List<ApiToken> of(TenantId tenant, UserId user);

  /** @return whether an active token of this user was revoked. */
  boolean revoke(TenantId tenant, UserId user, UUID id);

  void touch(TenantId tenant, UUID id);
}
