package com.orbitcrm.tenancy.web;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.AddMemberCommand;
import com.orbitcrm.tenancy.app.ApiTokenService;
import com.orbitcrm.tenancy.app.IdentityService;
import com.orbitcrm.tenancy.app.InvitationService;
import com.orbitcrm.tenancy.app.IssuedInvitation;
import com.orbitcrm.tenancy.app.MemberAdded;
import com.orbitcrm.tenancy.app.PasswordService;
import com.orbitcrm.tenancy.app.SignInGuard;
import java.time.Clock;
import com.orbitcrm.tenancy.app.MemberService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings: the workspace (name, time zone, main currency), its members and roles, and the signed-in user's API tokens. */
@Controller
@RequestMapping("/settings")
class SettingsController {

  private final MemberService members;
  private final ApiTokenService tokens;
  private final IdentityService identity;
  private final InvitationService invitations;
  private final Clock clock;
  private final SignInGuard guard;
  private final PasswordService passwords;

  SettingsController(MemberService members, ApiTokenService tokens, IdentityService identity,
                     InvitationService invitations, Clock clock, SignInGuard guard, PasswordService passwords) {
    this.members = members;
    this.tokens = tokens;
    this.identity = identity;
    this.invitations = invitations;
    this.clock = clock;
    this.guard = guard;
    this.passwords = passwords;
  }

  @GetMapping
  String settings() {
    return "redirect:/settings/members";
  }

  // ---- Members ------------------------------------------------------------------------------

  @GetMapping("/members")
  String members(Model model) {
    return membersPage(model, Map.of(), new MemberForm());
  }

  /** Adds a new account at once (with a first password) or, for anyone else, invites them. */
  @PostMapping("/members")
  String addMember(MemberForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    try {
      var added = members.add(new AddMemberCommand(form.getEmail(), form.getName(), form.getRole(),
          form.getPassword()));
      switch (added) {
        case MemberAdded.Joined(var member) -> redirect.addFlashAttribute(Flash.ATTRIBUTE,
            Flash.ok(member.name() + " was added as " + member.role().key() + "."));
        case MemberAdded.Invited(var issued) -> invited(issued, redirect);
      }
      return "redirect:/settings/members";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      form.setPassword("");
      return membersPage(model, FormErrors.of(e), form);
    } catch (ConflictException e) {
      response.setStatus(409);
      form.setPassword("");
      return membersPage(model, FormErrors.of("email", e.getMessage()), form);
    }
  }

  /** A new link for an open invitation: the old one stops working (only a link's hash is kept, so it is not shown again). */
  @PostMapping("/members/invitations/{id}/renew")
  String renewInvitation(@PathVariable UUID id, RedirectAttributes redirect) {
    var invitation = invitations.open().stream().filter(i -> i.id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("Invitation"));
    var added = members.add(new AddMemberCommand(invitation.email().value(), null, invitation.role().key(), null));
    if (added instanceof MemberAdded.Invited(var issued)) {
      invited(issued, redirect);
    }
    return "redirect:/settings/members";
  }

  @PostMapping("/members/invitations/{id}/revoke")
  String revokeInvitation(@PathVariable UUID id, RedirectAttributes redirect) {
    try {
      invitations.revoke(id);
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok("The invitation was withdrawn; its link no longer works."));
    } catch (ConflictException e) {
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.error(e.getMessage()));
    }
    return "redirect:/settings/members";
  }

  private static void invited(IssuedInvitation issued, RedirectAttributes redirect) {
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(issued.invitation().email().value() + " was invited as "
        + issued.invitation().role().key() + "."));
    redirect.addFlashAttribute("invitedEmail", issued.invitation().email().value());
    redirect.addFlashAttribute("acceptUrl", issued.acceptUrl());
  }

  @PostMapping("/members/{userId}/role")
  String changeRole(@PathVariable UUID userId, @RequestParam("role") String role, RedirectAttributes redirect) {
    try {
      var changed = members.changeRole(new UserId(userId), role);
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(changed.name() + " is now " + changed.role().key() + "."));
    } catch (ConflictException | InvalidInputException e) {
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.error(e.getMessage()));
    }
    return "redirect:/settings/members";
  }

  @PostMapping("/members/{userId}/remove")
  String removeMember(@PathVariable UUID userId, RedirectAttributes redirect) {
    try {
      var member = members.member(new UserId(userId));
      members.remove(member.user());
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(member.name() + " was removed from the workspace."));
    } catch (ConflictException e) {
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.error(e.getMessage()));
    }
    return "redirect:/settings/members";
  }

  /** Lets a member who is locked out after too many failed sign-ins in again (admins and owners). */
  @PostMapping("/members/{userId}/unlock")
  String unlock(@PathVariable UUID userId, RedirectAttributes redirect) {
    var member = guard.unlock(new UserId(userId));
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(member.name() + " can sign in again."));
    return "redirect:/settings/members";
  }

  /**
   * A password reset link for a member, shown once to the admin who made it (for when this server sends no
   * e-mail): they pass it on, and it works once, for the configured lifetime.
   */
  @PostMapping("/members/{userId}/reset-link")
  String resetLink(@PathVariable UUID userId, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    try {
      var member = members.member(new UserId(userId));
      String link = passwords.linkFor(member.user());
      response.setStatus(201);
      model.addAttribute("resetLink", link);
      model.addAttribute("resetFor", member.name());
      return membersPage(model, Map.of(), new MemberForm());
    } catch (ConflictException e) {
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.error(e.getMessage()));
      return "redirect:/settings/members";
    }
  }

  private String membersPage(Model model, Map<String, String> errors, MemberForm form) {
    var scope = TenantContext.require();
    var all = members.members();
    model.addAttribute("members", all);
    model.addAttribute("invitations", scope.role().canAdminister() ? invitations.open() : List.of());
    model.addAttribute("now", clock.instant());
    model.addAttribute("locked", guard.lockedAmong(all).stream().map(UserId::toString).collect(Collectors.toSet()));
    model.addAttribute("mailEnabled", passwords.mailEnabled());
    model.addAttribute("resetLifetime", PasswordController.human(passwords.lifetime()));
    model.addAttribute("me", scope.user() == null ? "" : scope.user().toString());
    model.addAttribute("roles", grantable(scope.role()));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("tab", "members");
    return "tenancy/settings-members";
  }

  /** The roles the current user may hand out: owners all, admins all but owner. */
  private static List<Role> grantable(Role actor) {
    return Arrays.stream(Role.values()).filter(r -> actor == Role.OWNER || r != Role.OWNER).toList();
  }

  // ---- API tokens ---------------------------------------------------------------------------

  @GetMapping("/tokens")
  String tokens(Model model) {
    return tokensPage(model, Map.of(), null, "");
  }

  @PostMapping("/tokens")
  String createToken(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) @Nullable String role,
                     Model model, HttpServletResponse response) {
    try {
      var created = tokens.create(name, role);
      response.setStatus(201);
      return tokensPage(model, Map.of(), created.secret(), "");
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return tokensPage(model, FormErrors.of(e), null, name);
    } catch (ForbiddenException e) {
      response.setStatus(403);
      return tokensPage(model, FormErrors.of("role", e.getMessage()), null, name);
    }
  }

  @PostMapping("/tokens/{id}/revoke")
  String revokeToken(@PathVariable UUID id, RedirectAttributes redirect) {
    tokens.revoke(id);
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok("The token was revoked; it no longer works."));
    return "redirect:/settings/tokens";
  }

  private String tokensPage(Model model, Map<String, String> errors, @Nullable String secret, String name) {
    var scope = TenantContext.require();
    model.addAttribute("tokens", tokens.mine());
    model.addAttribute("roles", Arrays.stream(Role.values()).filter(scope.role()::includes).toList());
    model.addAttribute("myRole", scope.role());
    model.addAttribute("secret", secret);
    model.addAttribute("name", name);
    model.addAttribute("errors", errors);
    model.addAttribute("tab", "tokens");
    return "tenancy/settings-tokens";
  }

  // ---- Workspace ----------------------------------------------------------------------------

  @GetMapping("/workspace")
  String workspace(Model model) {
    var workspace = identity.currentWorkspace().orElseThrow(() -> new NotFoundException("Workspace"));
    return workspaceForm(model, new WorkspaceForm(workspace.name(), workspace.timeZone().getId(), workspace.currency()),
        Map.of());
  }

  /** The workspace's name, time zone and main currency (admins and owners). */
  @PostMapping("/workspace")
  String saveWorkspace(@ModelAttribute WorkspaceForm form, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
    try {
      var saved = identity.updateWorkspace(form.workspace(), form.timeZone(), form.currency());
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(saved.name() + " was saved."));
      return "redirect:/settings/workspace";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return workspaceForm(model, form, FormErrors.of(e));
    }
  }

  /** The workspace settings as typed. */
  record WorkspaceForm(@Nullable String workspace, @Nullable String timeZone, @Nullable String currency) {}

  private String workspaceForm(Model model, WorkspaceForm form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("workspaceName", form.workspace());
    model.addAttribute("zones", ZONES);
    model.addAttribute("errors", errors);
    model.addAttribute("tab", "workspace");
    return "tenancy/settings-workspace";
  }

  private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
      .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();
}
