package com.orbitcrm.timeline;

/** Secondary port: the installation's key for signing e-mail tracking tokens (made once, then kept). */
public interface TrackingKeys {

  /** At least 32 random bytes, the same across restarts. */
  byte[] trackingKey();
}
