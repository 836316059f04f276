package com.orbitcrm.tenancy.web;

import com.orbitcrm.tenancy.app.TokenIdentity;
import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a personal API token: fixed to the token's workspace. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

  @Serial
  private static final long serialVersionUID = 1L;

  private final TokenIdentity identity;

  ApiTokenAuthentication(TokenIdentity identity) {
    super(List.of(new SimpleGrantedAuthority("ROLE_API")));
    this.identity = identity;
    setAuthenticated(true);
  }

  TokenIdentity identity() {
    return identity;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return identity.user();
  }
}
