package com.orbitcrm.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.DisconnectedClientHelper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the one a proxy in front sent ({@value #HEADER}, when it is a plain token), else a
 * new one. It is in the logging context while the request runs ({@value #LOG_KEY}; the workspace is added once
 * known, see {@code TenantContext}), and in the answer's {@value #HEADER}, so that a user's report, the proxy's
 * log and the application's log lines meet.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);
  static final String HEADER = "X-Request-Id";
  static final String LOG_KEY = "requestId";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = idOf(request.getHeader(HEADER));
    response.setHeader(HEADER, id);
    MDC.put(LOG_KEY, id);
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!DisconnectedClientHelper.isClientDisconnectedException(e)) {
        throw e;
      }
      // The browser or load tool went away mid-answer: nothing to answer, nothing wrong here. One quiet line
      // instead of a WARN with a stack per closed connection.
      log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
    } finally {
      MDC.remove(LOG_KEY);
    }
  }

  /** The proxy's id when it is a plain token (nothing that could forge a log line), else a new one. */
  static String idOf(@Nullable String sent) {
    return sent != null && PLAIN.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return true;
  }
}
