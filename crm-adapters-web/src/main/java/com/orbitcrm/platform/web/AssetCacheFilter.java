package com.orbitcrm.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caching of the static assets. A URL with its content hash ({@link Assets}) is cached for a year and never
 * revalidated ({@code immutable}): Spring's version resolver serves it only when the hash is the content's, so
 * whatever answers 200 under it can never change (a wrong hash is a 404, which is not cached). The same file
 * under its plain name must be revalidated ({@code no-cache}: its Last-Modified answers 304). Everything else
 * keeps Spring Security's {@code no-store}, which it writes only where no Cache-Control was set: pages are
 * private and always fresh.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AssetCacheFilter extends OncePerRequestFilter {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";

  /** The name Spring's content version strategy gives a file: {@code orbit-<32 hex digits of MD5>.css}. */
  private static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.[A-Za-z0-9]+");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      if (isAsset(path) && HASHED.matcher(path).matches()) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        chain.doFilter(request, new NotCachedOnError(response));
        return;
      }
      if (isAsset(path)) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE);
      }
    }
    chain.doFilter(request, response);
  }

  static boolean isAsset(String path) {
    return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
        || path.startsWith("/webjars/");
  }

  /** Takes the year back when the answer is an error (a hash that is not the content's: 404). */
  private static final class NotCachedOnError extends HttpServletResponseWrapper {
    NotCachedOnError(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int sc) throws IOException {
      setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      super.sendError(sc, msg);
    }

    @Override
    public void setStatus(int sc) {
      if (sc >= 400) {
        setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      }
      super.setStatus(sc);
    }
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return true;
  }
}
