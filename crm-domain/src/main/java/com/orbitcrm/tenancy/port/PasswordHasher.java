package com.orbitcrm.tenancy.port;

/** Secondary port: a slow, salted password hash (the adapter decides which). */
public interface PasswordHasher {
  String hash(String rawPassword);

  /** Whether {@code rawPassword} is the password behind {@code hash} (checked in constant time by the adapter). */
  default boolean matches(String rawPassword, String hash) {
    throw new UnsupportedOperationException("this hasher cannot check passwords");
  }
}
