package com.orbitcrm.tenancy.web;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.tenancy.WorkspaceMembership;
import com.orbitcrm.tenancy.app.InvitationPreview;
import com.orbitcrm.tenancy.app.InvitationService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page an invitation link opens (public: the token is the credential to see it), and accepting: signed
 * in with the invited address, or by creating the account the address does not have yet. Only POSTs change
 * anything.
 */
@Controller
class InvitationController {

  private final InvitationService invitations;
  private final SessionSignIn signIn;

  InvitationController(InvitationService invitations, SessionSignIn signIn) {
    this.invitations = invitations;
    this.signIn = signIn;
  }

  @GetMapping("/invitations/{token}")
  String page(@PathVariable String token, @AuthenticationPrincipal @Nullable SignedInUser user, Model model,
              HttpServletResponse response) {
    return page(token, user, model, response, Map.of(), "");
  }

  /** Requires sign-in, so that Spring Security sends a stranger to sign in and then back here. */
  @GetMapping("/invitations/{token}/sign-in")
  String signInFirst(@PathVariable String token) {
    return "redirect:/invitations/" + token;
  }

  /** A GET here changes nothing: it shows the page (after signing in, the browser may come back to this URL). */
  @GetMapping("/invitations/{token}/accept")
  String acceptPage(@PathVariable String token) {
    return "redirect:/invitations/" + token;
  }

  @PostMapping("/invitations/{token}/accept")
  String accept(@PathVariable String token, @AuthenticationPrincipal @Nullable SignedInUser user, Model model,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    if (user == null) {
      return "redirect:/invitations/" + token + "/sign-in";
    }
    try {
      return joined(invitations.accept(token, user.userId()), request, redirect);
    } catch (ConflictException | ForbiddenException e) {
      response.setStatus(e instanceof ForbiddenException ? 403 : 409);
      model.addAttribute(Flash.ATTRIBUTE, Flash.error(e.getMessage()));
      return page(token, user, model, response, Map.of(), "");
    }
  }

  /** A person whose address has no account yet creates it (name, password) and joins in one step. */
  @PostMapping("/invitations/{token}/join")
  String join(@PathVariable String token, @RequestParam(defaultValue = "") String name,
              @RequestParam(defaultValue = "") String password, @AuthenticationPrincipal @Nullable SignedInUser user,
              Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    try {
      var account = invitations.acceptAsNewAccount(token, name, password);
      var preview = invitations.preview(token);
      signIn.signIn(account.email().value(), preview.invitation().tenant(), request, response);
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok("Welcome to " + preview.workspaceName() + "!"));
      return "redirect:/dashboard";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return page(token, user, model, response, FormErrors.of(e), name);
    } catch (ConflictException | ForbiddenException e) {
      response.setStatus(409);
      model.addAttribute(Flash.ATTRIBUTE, Flash.error(e.getMessage()));
      return page(token, user, model, response, Map.of(), name);
    }
  }

  /** Accepts one of the signed-in person's own invitations (listed in the workspace switcher). */
  @PostMapping("/invitations/mine/{id}/accept")
  String acceptMine(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, HttpServletRequest request,
                    RedirectAttributes redirect) {
    try {
      return joined(invitations.acceptMine(user.userId(), id), request, redirect);
    } catch (ConflictException | ForbiddenException e) {
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.error(e.getMessage()));
      return "redirect:/dashboard";
    }
  }

  @PostMapping("/invitations/mine/{id}/decline")
  String declineMine(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
    invitations.declineMine(user.userId(), id);
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.info("The invitation was declined."));
    return "redirect:/dashboard";
  }

  private static String joined(WorkspaceMembership joined, HttpServletRequest request, RedirectAttributes redirect) {
    SessionSignIn.choose(joined.tenant(), request);
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok("Welcome to " + joined.workspaceName() + "! You joined as "
        + joined.role().key() + "."));
    return "redirect:/dashboard";
  }

  private String page(String token, @Nullable SignedInUser user, Model model, HttpServletResponse response,
                      Map<String, String> errors, String name) {
    InvitationPreview preview;
    try {
      preview = invitations.preview(token);
    } catch (NotFoundException e) {
      response.setStatus(404);
      model.addAttribute("invitation", null);
      return "tenancy/invitation";
    }
    model.addAttribute("invitation", preview);
    model.addAttribute("token", token);
    model.addAttribute("signedInAs", user == null ? null : user.getUsername());
    model.addAttribute("forMe", user != null && user.getUsername().equals(preview.invitation().email().value()));
    model.addAttribute("refusal", preview.refusal().map(r -> r.message()).orElse(null));
    model.addAttribute("errors", errors);
    model.addAttribute("name", name);
    return "tenancy/invitation";
  }
}
