package com.orbitcrm.tenancy.web;

import com.orbitcrm.platform.web.IdempotencyFilter;
import com.orbitcrm.platform.web.Problems;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.WorkspaceMembership;
import com.orbitcrm.tenancy.app.IdentityService;
import com.orbitcrm.tenancy.app.RequestTransaction;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides the one workspace a request acts in, and its role there, and sets the {@link TenantContext}
 * for the rest of the request — the only place that does. A token's workspace is fixed; a signed-in
 * person acts in the workspace named by {@code X-Tenant-Id} (only one of their own, else 403), else
 * the one picked in the switcher, else their first.
 */
final class TenantResolutionFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Tenant-Id";
  static final String SESSION_ATTRIBUTE = "orbit.workspace";
  /** The signed-in user's workspaces, kept for the page shell so it needs no second query. */
  static final String MEMBERSHIPS_ATTRIBUTE = "orbit.memberships";
  private static final String NO_WORKSPACE_PATH = "/no-workspace";

  private final IdentityService identity;
  private final RequestTransaction transaction;

  TenantResolutionFilter(IdentityService identity, RequestTransaction transaction) {
    this.identity = identity;
    this.transaction = transaction;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String header = request.getHeader(HEADER);
    TenantContext.Scope scope;
    if (auth instanceof ApiTokenAuthentication token) {
      var id = token.identity();
      if (header != null && !header.strip().equalsIgnoreCase(id.tenant().toString())) {
        deny(request, response, "This API token belongs to another workspace");
        return;
      }
      scope = new TenantContext.Scope(id.tenant(), id.user(), id.role());
      request.setAttribute(IdempotencyFilter.CALLER, new IdempotencyFilter.Caller(id.tenant().value(),
          "token:" + id.tokenId()));
    } else if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
      List<WorkspaceMembership> memberships = identity.workspacesOf(user.userId());
      request.setAttribute(MEMBERSHIPS_ATTRIBUTE, memberships);
      if (header != null) {
        Optional<WorkspaceMembership> chosen = parse(header).flatMap(t -> find(memberships, t));
        if (chosen.isEmpty()) {
          deny(request, response, "You are not a member of the workspace in X-Tenant-Id");
          return;
        }
        scope = new TenantContext.Scope(chosen.get().tenant(), user.userId(), chosen.get().role());
      } else {
        Optional<WorkspaceMembership> current = current(request, memberships);
        if (current.isEmpty()) {
          noWorkspace(request, response, chain);
          return;
        }
        scope = new TenantContext.Scope(current.get().tenant(), user.userId(), current.get().role());
      }
    } else {
      chain.doFilter(request, response);
      return;
    }
    if (request.getAttribute(IdempotencyFilter.CALLER) == null && scope.user() != null) {
      request.setAttribute(IdempotencyFilter.CALLER, new IdempotencyFilter.Caller(scope.tenant().value(),
          "user:" + scope.user()));
    }
    // A request that may not change data runs in one read-only transaction, which its use cases join.
    boolean reads = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    try {
      TenantContext.runAs(scope, () -> {
        try {
          if (reads) {
            transaction.<Exception>readOnly(() -> chain.doFilter(request, response));
          } else {
            chain.doFilter(request, response);
          }
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new WrappedException(e);
        }
      });
    } catch (WrappedException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw (ServletException) e.getCause();
    }
  }

  /** Error pages of a signed-in person keep their frame (workspace switcher, menu). */
  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  /** The workspace remembered in the session if still a membership, else the first one. */
  private static Optional<WorkspaceMembership> current(HttpServletRequest request,
                                                       List<WorkspaceMembership> memberships) {
    HttpSession session = request.getSession(false);
    Object remembered = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
    if (remembered instanceof UUID id) {
      Optional<WorkspaceMembership> found = find(memberships, new TenantId(id));
      if (found.isPresent()) {
        return found;
      }
    }
    return memberships.stream().findFirst();
  }

  static Optional<WorkspaceMembership> find(List<WorkspaceMembership> memberships, TenantId tenant) {
    return memberships.stream().filter(m -> m.tenant().equals(tenant)).findFirst();
  }

  private static Optional<TenantId> parse(String raw) {
    try {
      return Optional.of(TenantId.of(raw.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void noWorkspace(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (Problems.isApi(request)) {
      deny(request, response, "You are not a member of any workspace");
    } else if (path(request).equals(NO_WORKSPACE_PATH) || path(request).equals("/logout")
        // Someone removed from their last workspace may still open and accept an invitation to another.
        || path(request).startsWith("/invitations/")) {
      chain.doFilter(request, response);
    } else {
      response.sendRedirect(request.getContextPath() + NO_WORKSPACE_PATH);
    }
  }

  private static void deny(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    if (Problems.isApi(request)) {
      Problems.write(response, HttpStatus.FORBIDDEN, detail, request);
    } else {
      response.sendError(HttpStatus.FORBIDDEN.value(), detail);
    }
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** Carries a checked exception through {@link TenantContext#runAs}; unwrapped by the caller. */
  private static final class WrappedException extends RuntimeException {
    WrappedException(Exception cause) {
      super(cause);
    }
  }
}
