package com.orbitcrm.platform.web;

/**
 * A one-line message shown at the top of the next page, after a redirect.
 *
 * @param kind ok, error or info; picks the colour.
 */
public record Flash(String kind, String message) {

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
