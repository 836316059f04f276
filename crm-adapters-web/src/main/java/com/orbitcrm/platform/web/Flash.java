package com.orbitcrm.platform.web;

/**
 * A one-line message shown at the top of the next page, after a redirect.
 *
 * @param kind ok, error or info; picks the colour.
 */
public record Flash(String kind, String message) implements java.io.Serializable {

  /** Kept in the session between a redirect and the next page, and sessions are stored in the database. */
  @java.io.Serial
  private static final long serialVersionUID = 1L;

  /** The model / flash attribute the layout reads. */
  public static final String ATTRIBUTE = "flash";

  public static Flash ok(String message) {
    return new Flash("ok", message);
  }

  public static Flash error(String message) {
    return new Flash("error", message);
  }

  public static Flash info(String message) {
    return new Flash("info", message);
  }
}
