package com.orbitcrm.tenancy.web;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.app.IdentityService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs in a person who just created their account (sign-up, an accepted invitation), in a new session. */
@Component
class SessionSignIn {

  private final IdentityService identity;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  SessionSignIn(IdentityService identity) {
    this.identity = identity;
  }

  void signIn(String email, TenantId tenant, HttpServletRequest request, HttpServletResponse response) {
    var account = identity.accountForSignIn(email).orElseThrow();
    var user = new SignedInUser(account);
    user.eraseCredentials();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    request.getSession();
    request.changeSessionId();
    contexts.saveContext(context, request, response);
    choose(tenant, request);
    identity.recordSignIn(account.id());
  }

  /** Makes {@code tenant} the session's current workspace. */
  static void choose(TenantId tenant, HttpServletRequest request) {
    request.getSession().setAttribute(TenantResolutionFilter.SESSION_ATTRIBUTE, tenant.value());
  }
}
