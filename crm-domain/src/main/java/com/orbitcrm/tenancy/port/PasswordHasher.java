package com.orbitcrm.tenancy.port;

/** Secondary port: a slow, salted password hash (the adapter decides which). */
public interface PasswordHasher {
  String hash(String rawPassword);
}
