package com.orbitcrm.tenancy.web;

import com.orbitcrm.tenancy.SignInChannel;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import java.io.Serializable;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * Where a password came from: the client address ({@code request.getRemoteAddr()}: behind a proxy the operator
 * configures Tomcat's RemoteIpValve for the trusted ones; X-Forwarded-For is never read here) and the way in.
 * Kept as the authentication's details, so it is stored with the session: serializable.
 */
record SignInOrigin(String address, SignInChannel channel) implements Serializable {

  @Serial
  private static final long serialVersionUID = 1L;

  /** The details source of a chain: the form, or HTTP Basic on the API (to create a token, or anything else). */
  static AuthenticationDetailsSource<HttpServletRequest, SignInOrigin> source(boolean api) {
    return request -> new SignInOrigin(address(request), !api ? SignInChannel.FORM
        : path(request).equals("/api/tokens") ? SignInChannel.API_TOKEN : SignInChannel.API);
  }

  static String address(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    return address == null || address.isBlank() ? "unknown" : address;
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
