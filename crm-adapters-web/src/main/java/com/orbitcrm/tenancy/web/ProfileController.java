package com.orbitcrm.tenancy.web;

import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.tenancy.SignInPolicy;
import com.orbitcrm.tenancy.app.IdentityService;
import com.orbitcrm.tenancy.app.PasswordService;
import com.orbitcrm.tenancy.app.ProfileService;
import com.orbitcrm.tenancy.app.SignInGuard;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Profile: the signed-in person's own time zone (the calendar and every time shown to them), the
 * workspace's when they choose none; their password (changing it ends their other sessions); and their sign-in
 * security: the latest failed sign-ins with their account (when, from where, how) and whether it is locked. The
 * page also holds the calendar subscription, which the meetings module serves ({@code /meetings/subscription}).
 */
@Controller
class ProfileController {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  private final ProfileService profile;
  private final IdentityService identity;
  private final SignInGuard guard;
  private final PasswordService passwords;

  ProfileController(ProfileService profile, IdentityService identity, SignInGuard guard, PasswordService passwords) {
    this.profile = profile;
    this.identity = identity;
    this.guard = guard;
    this.passwords = passwords;
  }

  @GetMapping("/settings/profile")
  String profile(Model model) {
    return page(model, profile.chosenZone().map(ZoneId::getId).orElse(""), Map.of());
  }

  @PostMapping("/settings/profile")
  String save(@RequestParam(defaultValue = "") String timeZone, Model model, HttpServletResponse response,
              RedirectAttributes redirect) {
    try {
      profile.changeZone(timeZone);
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(timeZone.isBlank()
          ? "Times are shown in the workspace's time zone." : "Times are shown in " + timeZone.strip() + "."));
      return "redirect:/settings/profile";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return page(model, timeZone, FormErrors.of(e));
    }
  }

  /**
   * Compact or comfortable tables and cards, for the current member in this workspace (the user menu and the
   * profile page); back to the page it was chosen on ({@code back}: a path of this application only).
   */
  @PostMapping("/settings/profile/density")
  String density(@RequestParam(defaultValue = "") String density, @RequestParam(defaultValue = "") String back,
                 RedirectAttributes redirect) {
    var chosen = profile.changeDensity(density);
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(chosen == com.orbitcrm.tenancy.Density.COMPACT
        ? "Compact tables and cards." : "Comfortable tables and cards."));
    boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && !back.contains("\n");
    return "redirect:" + (local ? back : "/settings/profile");
  }

  /** A new password, given the current one: the person's other sessions end, this one stays. */
  @PostMapping("/settings/profile/password")
  String changePassword(@RequestParam(defaultValue = "") String currentPassword,
                        @RequestParam(defaultValue = "") String password,
                        @RequestParam(defaultValue = "") String confirm, Model model, HttpServletRequest request,
                        HttpServletResponse response, RedirectAttributes redirect) {
    try {
      if (!password.equals(confirm)) {
        throw InvalidInputException.of("confirm", "does not match the new password");
      }
      var session = request.getSession(false);
      passwords.change(currentPassword, password, session == null ? null : session.getId());
      request.changeSessionId();
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok("Your password was changed. Every other session signed "
          + "in with your account has ended."));
      return "redirect:/settings/profile";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return page(model, profile.chosenZone().map(ZoneId::getId).orElse(""), FormErrors.of(e));
    }
  }

  /** A failed sign-in as the page shows it, in the viewer's time zone. */
  record FailureRow(String when, String address, String channel) {}

  private String page(Model model, @Nullable String chosen, Map<String, String> errors) {
    ZoneId zone = profile.zone();
    model.addAttribute("chosenZone", chosen == null ? "" : chosen);
    model.addAttribute("workspaceZone", identity.currentWorkspace().map(w -> w.timeZone().getId()).orElse("UTC"));
    model.addAttribute("zones", profile.zones());
    model.addAttribute("errors", errors);
    model.addAttribute("tab", "profile");
    List<FailureRow> failures = guard.myRecentFailures(10).stream()
        .map(f -> new FailureRow(WHEN.format(f.at().atZone(zone)), f.address(), f.channel().label()))
        .toList();
    model.addAttribute("failures", failures);
    var lock = guard.myLock();
    Instant now = Instant.now();
    model.addAttribute("lockedFor", lock.flatMap(l -> l.remaining(now)).map(SignInPolicy::minutes).orElse(null));
    model.addAttribute("failuresInARow", lock.map(l -> l.consecutiveFailures()).orElse(0));
    return "tenancy/settings-profile";
  }
}
