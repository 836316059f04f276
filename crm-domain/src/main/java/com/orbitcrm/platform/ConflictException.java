package com.orbitcrm.platform;

/** The request is valid but clashes with the current state (taken e-mail, stale version, last owner). */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
