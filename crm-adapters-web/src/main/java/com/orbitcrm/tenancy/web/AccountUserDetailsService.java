package com.orbitcrm.tenancy.web;

import com.orbitcrm.tenancy.app.IdentityService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks up the account behind the e-mail address someone signs in with. */
@Component
class AccountUserDetailsService implements UserDetailsService {

  private final IdentityService identity;

  AccountUserDetailsService(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    return identity.accountForSignIn(email)
        .map(SignedInUser::new)
        .orElseThrow(() -> new UsernameNotFoundException("no account"));
  }
}
