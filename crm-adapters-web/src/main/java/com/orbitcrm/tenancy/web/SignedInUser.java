package com.orbitcrm.tenancy.web;

import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.UserId;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A person signed in with their password (form or HTTP Basic). Holds no workspace: that is chosen
 * per request, because roles differ between workspaces and may change at any time.
 */
final class SignedInUser implements UserDetails, CredentialsContainer, Serializable {

  @Serial
  private static final long serialVersionUID = 1L;

  private final UUID id;
  private final String email;
  private final String name;
  private @Nullable String passwordHash;

  SignedInUser(UserAccount account) {
    this.id = account.id().value();
    this.email = account.email().value();
    this.name = account.name();
    this.passwordHash = account.passwordHash();
  }

  UserId userId() {
    return new UserId(id);
  }

  String name() {
    return name;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_USER"));
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return email;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }
}
