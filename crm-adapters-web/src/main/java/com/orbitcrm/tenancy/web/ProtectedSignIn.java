package com.orbitcrm.tenancy.web;

import com.orbitcrm.tenancy.SignInChannel;
import com.orbitcrm.tenancy.app.SignInGuard;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Every password check, whichever way it comes in (the sign-in form, HTTP Basic, Basic on {@code POST
 * /api/tokens}), goes through the {@link SignInGuard} around Spring's own check: a locked or throttled e-mail or
 * address is refused before the password is looked at ({@link SignInRefused}); a wrong password counts; a right
 * one gives the attempts back.
 */
final class ProtectedSignIn implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final SignInGuard guard;

  ProtectedSignIn(AuthenticationProvider passwords, SignInGuard guard) {
    this.passwords = passwords;
    this.guard = guard;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String email = authentication.getName() == null ? "" : authentication.getName();
    SignInOrigin origin = authentication.getDetails() instanceof SignInOrigin o ? o
        : new SignInOrigin("unknown", SignInChannel.FORM);
    var refusal = guard.admit(email, origin.address());
    if (refusal.isPresent()) {
      throw new SignInRefused(refusal.get());
    }
    Authentication result;
    try {
      result = passwords.authenticate(authentication);
    } catch (BadCredentialsException e) {
      guard.failed(email, origin.address(), origin.channel());
      throw e;
    }
    guard.succeeded(email, origin.address());
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
