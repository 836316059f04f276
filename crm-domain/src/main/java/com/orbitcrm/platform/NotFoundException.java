package com.orbitcrm.platform;

/**
 * Nothing with that id in the caller's workspace, whether or not it exists in another one: the answer
 * never reveals another workspace's data.
 */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String what) {
    super(what + " not found");
  }
}
