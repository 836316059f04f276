package com.orbitcrm.platform;

/** The caller is known, but their role in this workspace does not allow the action. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
