package com.orbitcrm.platform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The URLs of the static assets with their content hash in the name ({@code /css/orbit-<md5>.css}), for the
 * templates: {@code th:href="@{${#assets.url('/css/orbit.css')}}"} ({@code AssetsDialect}). Each path is resolved once per process
 * through Spring's resource chain (the content {@code VersionStrategy} configured in application.properties,
 * which also serves the hashed URL) and then read from a map: no per-link filter (see
 * {@link ResourceUrlConfiguration}). Since the content decides the URL, a hashed URL is cached for a year
 * ({@code AssetCacheFilter}); a new build gives a changed file a new URL.
 */
@Component("assets")
public class Assets {

  private final ObjectProvider<ResourceUrlProvider> resources;
  private final Map<String, String> urls = new ConcurrentHashMap<>();

  /** The provider is Spring MVC's, looked up on first use (not a lazy proxy: its methods are final). */
  Assets(ObjectProvider<ResourceUrlProvider> resources) {
    this.resources = resources;
  }

  /** The hashed URL of an asset ({@code /css/orbit.css}); the path itself when the chain does not know it. */
  public String url(String path) {
    return urls.computeIfAbsent(path, p -> {
      String url = resources.getObject().getForLookupPath(p);
      return url == null ? p : url;
    });
  }
}
