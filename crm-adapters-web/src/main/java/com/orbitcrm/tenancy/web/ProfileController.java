package com.orbitcrm.tenancy.web;

import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.tenancy.app.IdentityService;
import com.orbitcrm.tenancy.app.ProfileService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
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
 * workspace's when they choose none. The page also holds the calendar subscription, which the meetings
 * module serves ({@code /meetings/subscription}).
 */
@Controller
class ProfileController {

  private final ProfileService profile;
  private final IdentityService identity;

  ProfileController(ProfileService profile, IdentityService identity) {
    this.profile = profile;
    this.identity = identity;
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

  private String page(Model model, @Nullable String chosen, Map<String, String> errors) {
    model.addAttribute("chosenZone", chosen == null ? "" : chosen);
    model.addAttribute("workspaceZone", identity.currentWorkspace().map(w -> w.timeZone().getId()).orElse("UTC"));
    model.addAttribute("zones", profile.zones());
    model.addAttribute("errors", errors);
    model.addAttribute("tab", "profile");
    return "tenancy/settings-profile";
  }
}
