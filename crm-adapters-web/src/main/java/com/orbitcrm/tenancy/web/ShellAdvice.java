package com.orbitcrm.tenancy.web;

import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.OpenInvitation;
import com.orbitcrm.tenancy.WorkspaceMembership;
import com.orbitcrm.tenancy.app.InvitationService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the {@code shell} model attribute its layout draws the frame from. */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

  private final InvitationService invitations;

  ShellAdvice(InvitationService invitations) {
    this.invitations = invitations;
  }

  @ModelAttribute("shell")
  @Nullable ShellView shell(HttpServletRequest request) {
    var scope = TenantContext.current();
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (scope.isEmpty() || auth == null || !(auth.getPrincipal() instanceof SignedInUser user)) {
      return null;
    }
    @SuppressWarnings("unchecked")
    List<WorkspaceMembership> memberships = request.getAttribute(TenantResolutionFilter.MEMBERSHIPS_ATTRIBUTE)
        instanceof List<?> list ? (List<WorkspaceMembership>) list : List.of();
    String workspaceName = TenantResolutionFilter.find(memberships, scope.get().tenant())
        .map(WorkspaceMembership::workspaceName).orElse("Workspace");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // One's own open invitations, in the switcher: whole pages only (GET, not htmx fragments or form posts).
    List<OpenInvitation> invitations = !"GET".equals(request.getMethod())
        || HtmxRequest.fromRequest(request).isHtmxRequest() ? List.of() : this.invitations.mine(user.userId());
    return new ShellView(user.name(), user.getUsername(), scope.get().tenant().toString(), workspaceName,
        scope.get().role(), memberships, path, invitations);
  }
}
