package com.orbitcrm.tenancy.app;

/** A password reset link that was used already, has expired, or never existed (410 Gone). */
public class ResetLinkGone extends RuntimeException {
  public ResetLinkGone(String message) {
    super(message);
  }
}
