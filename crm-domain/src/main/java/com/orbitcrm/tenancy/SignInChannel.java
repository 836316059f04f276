package com.orbitcrm.tenancy;

/** The way a password was presented: the sign-in form, HTTP Basic on the API, or Basic to create an API token. */
public enum SignInChannel {
  FORM("form", "Sign-in page"),
  API("api", "API (HTTP Basic)"),
  API_TOKEN("api_token", "API token request");

  private final String key;
  private final String label;

  SignInChannel(String key, String label) {
    this.key = key;
    this.label = label;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public static SignInChannel of(String key) {
    for (SignInChannel c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no sign-in channel " + key);
  }
}
