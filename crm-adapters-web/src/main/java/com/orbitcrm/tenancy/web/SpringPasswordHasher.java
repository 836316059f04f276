package com.orbitcrm.tenancy.web;

import com.orbitcrm.tenancy.port.PasswordHasher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Hashes passwords with the encoder that also checks them at sign-in (bcrypt, prefixed with its id). */
@Component
class SpringPasswordHasher implements PasswordHasher {

  private final PasswordEncoder encoder;

  SpringPasswordHasher(PasswordEncoder encoder) {
    this.encoder = encoder;
  }

  @Override
  public String hash(String rawPassword) {
    return encoder.encode(rawPassword);
  }

  @Override
  public boolean matches(String rawPassword, String hash) {
    return encoder.matches(rawPassword, hash);
  }
}
