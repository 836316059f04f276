package com.orbitcrm.tenancy.web;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.tenancy.SignInRefusal;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.WorkspaceMembership;
import com.orbitcrm.tenancy.app.IdentityService;
import com.orbitcrm.tenancy.app.InvitationService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import com.orbitcrm.tenancy.app.SignUpCommand;
import com.orbitcrm.tenancy.app.SignUpService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in and sign-up pages, the workspace switcher, and the page for someone with no workspace. */
@Controller
class SessionController {

  private final SignUpService signUp;
  private final IdentityService identity;
  private final SessionSignIn signIn;
  private final InvitationService invitations;

  SessionController(SignUpService signUp, IdentityService identity, SessionSignIn signIn,
                    InvitationService invitations) {
    this.signUp = signUp;
    this.identity = identity;
    this.signIn = signIn;
    this.invitations = invitations;
  }

  @GetMapping("/login")
  String signIn(Model model, @RequestParam(required = false) @Nullable String error,
                @RequestParam(required = false) @Nullable String signedOut,
                @RequestParam(required = false) @Nullable String throttled,
                @RequestParam(required = false) @Nullable String locked,
                @RequestParam(required = false) @Nullable String wait) {
    if (TenantContext.current().isPresent()) {
      return "redirect:/dashboard";
    }
    if (throttled != null || locked != null) {
      // Said the same for every e-mail, whether or not an account has it (SignInRefusal).
      long minutes = wait != null && wait.matches("\\d{1,4}") ? Math.max(1, Long.parseLong(wait)) : 1;
      var refusal = new SignInRefusal(locked != null ? SignInRefusal.Reason.LOCKED : SignInRefusal.Reason.THROTTLED,
          Duration.ofMinutes(minutes));
      model.addAttribute("refusal", refusal.message());
    } else if (error != null) {
      model.addAttribute("flash", Flash.error("That e-mail and password don't match an account."));
    } else if (signedOut != null) {
      model.addAttribute("flash", Flash.info("You have signed out."));
    }
    return "tenancy/login";
  }

  @GetMapping("/signup")
  String signUpForm(Model model) {
    model.addAttribute("form", new SignUpForm());
    model.addAttribute("errors", Map.of());
    return "tenancy/signup";
  }

  @PostMapping("/signup")
  String signUp(@ModelAttribute("form") SignUpForm form, Model model, HttpServletRequest request,
                HttpServletResponse response, RedirectAttributes redirect) {
    try {
      var created = signUp.signUp(new SignUpCommand(form.getWorkspace(), form.getName(), form.getEmail(),
          form.getPassword()));
      signIn.signIn(form.getEmail(), created.tenantId(), request, response);
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok("Welcome to Orbit CRM! Your workspace "
          + form.getWorkspace().strip() + " is ready."));
      return "redirect:/dashboard";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e));
    } catch (ConflictException e) {
      // The address's owner was told by e-mail; the page names nobody and offers the ways back in.
      model.addAttribute("errors", FormErrors.of("email",
          "That e-mail already has an account — sign in or reset your password"));
      model.addAttribute("taken", true);
    }
    form.setPassword("");
    response.setStatus(422);
    return "tenancy/signup";
  }

  @PostMapping("/workspaces/switch")
  String switchWorkspace(@RequestParam("tenantId") String tenantId, HttpServletRequest request,
                         RedirectAttributes redirect) {
    var user = TenantContext.require().requireUser();
    List<WorkspaceMembership> memberships = identity.workspacesOf(user);
    TenantId target;
    try {
      target = TenantId.of(tenantId);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Workspace");
    }
    var membership = TenantResolutionFilter.find(memberships, target)
        .orElseThrow(() -> new ForbiddenException("You are not a member of that workspace"));
    request.getSession().setAttribute(TenantResolutionFilter.SESSION_ATTRIBUTE, target.value());
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.info("Switched to " + membership.workspaceName() + "."));
    return "redirect:/dashboard";
  }

  @GetMapping("/no-workspace")
  String noWorkspace(Model model, @AuthenticationPrincipal @Nullable SignedInUser user) {
    model.addAttribute("invitations", user == null ? List.of() : invitations.mine(user.userId()));
    return "tenancy/no-workspace";
  }
}
