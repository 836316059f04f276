package com.orbitcrm.tenancy.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the metrics ({@code /actuator/prometheus}): they span every workspace, so no member of one —
 * not even its owner — may. A scraper either reaches the management port (when {@code management.server.port}
 * puts the actuator on a port of its own, meant to stay inside the network) or sends the operators' token
 * ({@code orbit.metrics.token}) as {@code Authorization: Bearer …}. Neither configured: nobody.
 */
final class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

  private final byte[] token;
  private final int managementPort;

  /**
   * @param token the operators' token; blank for none.
   * @param managementPort the actuator's own port; -1 (or the application's port) for none.
   */
  MetricsAccess(String token, int managementPort) {
    this.token = token.isBlank() ? new byte[0] : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    this.managementPort = managementPort;
  }

  @Override
  public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                       RequestAuthorizationContext context) {
    return new AuthorizationDecision(allowed(context.getRequest()));
  }

  boolean allowed(HttpServletRequest request) {
    if (managementPort > 0 && request.getLocalPort() == managementPort) {
      return true;
    }
    String sent = request.getHeader(HttpHeaders.AUTHORIZATION);
    return token.length > 0 && sent != null
        && MessageDigest.isEqual(token, sent.strip().getBytes(StandardCharsets.UTF_8));
  }
}
