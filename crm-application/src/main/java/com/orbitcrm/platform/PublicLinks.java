package com.orbitcrm.platform;

import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The start of the links Orbit puts into e-mails (answer links, invitations): {@code orbit.public-url}
 * ({@code ORBIT_PUBLIC_URL}), without a trailing slash. Unset (a developer's machine, the tests): this instance
 * on localhost, read late because the port is known only once the server has started.
 */
@Component
public class PublicLinks {

  private final Supplier<String> base;

  @Autowired
  PublicLinks(@Value("${orbit.public-url:}") String publicUrl, Environment environment) {
    String configured = publicUrl.strip();
    this.base = configured.isEmpty()
        ? () -> "http://localhost:" + environment.getProperty("local.server.port",
            environment.getProperty("server.port", "8080"))
        : () -> configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
  }

  private PublicLinks(Supplier<String> base) {
    this.base = base;
  }

  /** Links under a fixed {@code base} (tests). */
  public static PublicLinks fixed(String base) {
    return new PublicLinks(() -> base);
  }

  /** The base URL, without a trailing slash. */
  public String base() {
    return base.get();
  }

  /** {@code path} (starting with "/") under the base URL. */
  public String to(String path) {
    return base() + path;
  }
}
