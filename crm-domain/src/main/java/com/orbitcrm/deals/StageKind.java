package com.orbitcrm.deals;

/** What reaching a stage means: still open, won, or lost. Rules key on the kind, never on stage names. */
public enum StageKind {
  OPEN, WON, LOST;

  public boolean closed() {
    return this != OPEN;
  }
}
