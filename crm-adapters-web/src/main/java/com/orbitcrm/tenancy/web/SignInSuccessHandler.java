package com.orbitcrm.tenancy.web;

import com.orbitcrm.tenancy.app.IdentityService;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** Records the sign-in, then goes where the person was headed, or to the dashboard. */
final class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

  private final IdentityService identity;

  SignInSuccessHandler(IdentityService identity) {
    this.identity = identity;
    setDefaultTargetUrl("/dashboard");
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                      Authentication authentication) throws ServletException, IOException {
    if (authentication.getPrincipal() instanceof SignedInUser user) {
      identity.recordSignIn(user.userId());
    }
    super.onAuthenticationSuccess(request, response, authentication);
  }
}
