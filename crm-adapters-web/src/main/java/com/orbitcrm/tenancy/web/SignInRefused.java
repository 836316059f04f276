package com.orbitcrm.tenancy.web;

import com.orbitcrm.tenancy.SignInRefusal;
import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before the password was looked at (too many attempts, or locked): 429 on the API. */
final class SignInRefused extends AuthenticationException {

  @Serial
  private static final long serialVersionUID = 1L;

  private final transient SignInRefusal refusal;

  SignInRefused(SignInRefusal refusal) {
    super(refusal.message());
    this.refusal = refusal;
  }

  SignInRefusal refusal() {
    return refusal;
  }
}
