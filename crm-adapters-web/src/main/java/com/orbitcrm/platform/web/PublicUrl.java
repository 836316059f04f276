package com.orbitcrm.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where Orbit is reached from outside — the start of every absolute URL it hands out (tracking pixels and
 * links, calendar feeds): {@code orbit.public-url} ({@code ORBIT_PUBLIC_URL}), so that a forged
 * {@code Host} header cannot put another site into them. Without it (a developer's machine, the tests'
 * random ports) the address the request came to.
 */
@Component
public class PublicUrl {

  private final String configured;

  PublicUrl(@Value("${orbit.public-url:}") String configured) {
    String v = configured.strip();
    this.configured = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }

  /** The base URL, without a trailing slash. */
  public String base() {
    return configured.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
        : configured;
  }
}
