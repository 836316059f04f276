package com.orbitcrm.integrations;

import com.orbitcrm.platform.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where an endpoint receives deliveries: an absolute {@code http} or {@code https} URL with a host, no user info,
 * at most 2,000 characters. Whether its host may be called is {@link Destinations}' rule, checked on each
 * resolution of the name.
 */
public record WebhookUrl(URI uri) {

  public static final int MAX_LENGTH = 2_000;

  public WebhookUrl {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw InvalidInputException.of("url", "must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw InvalidInputException.of("url", "must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw InvalidInputException.of("url", "must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw InvalidInputException.of("url", "must not have a fragment (#…)");
    }
  }

  public static WebhookUrl parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw InvalidInputException.of("url", "is required");
    }
    String s = raw.strip();
    if (s.length() > MAX_LENGTH) {
      throw InvalidInputException.of("url", "must be at most " + MAX_LENGTH + " characters");
    }
    try {
      return new WebhookUrl(new URI(s));
    } catch (URISyntaxException e) {
      throw InvalidInputException.of("url", "is not a valid URL");
    }
  }

  /** The host as written (brackets of an IPv6 literal removed). */
  public String host() {
    String h = uri.getHost();
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
