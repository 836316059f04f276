package com.orbitcrm.tenancy.web;

import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.tenancy.SignInPolicy;
import com.orbitcrm.tenancy.app.PasswordService;
import com.orbitcrm.tenancy.app.ResetLinkGone;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Forgot password: the page that asks for a link (the same answer whether or not an account has the address),
 * and the page a link opens to set a new password. With mail off, the first page says so: an admin of the
 * workspace makes the link instead (Settings → Members).
 */
@Controller
class PasswordController {

  static final String SENT = "If an account exists for that address, we sent it a link to set a new password. "
      + "It works once, for %s.";

  private final PasswordService passwords;

  PasswordController(PasswordService passwords) {
    this.passwords = passwords;
  }

  @GetMapping("/password/forgot")
  String forgot(Model model) {
    return forgotPage(model, "", Map.of());
  }

  @PostMapping("/password/forgot")
  String ask(@RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request,
             HttpServletResponse response) {
    if (!passwords.mailEnabled()) {
      return forgotPage(model, email, Map.of());
    }
    if (email.isBlank()) {
      response.setStatus(422);
      return forgotPage(model, email, FormErrors.of("email", "is required"));
    }
    var wait = passwords.request(email, SignInOrigin.address(request));
    if (wait.isPresent()) {
      response.setStatus(429);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(SignInPolicy.seconds(wait.get())));
      model.addAttribute(Flash.ATTRIBUTE, Flash.error("Too many requests from your network: wait "
          + SignInPolicy.minutes(wait.get()) + " minute(s) and try again."));
      return forgotPage(model, email, Map.of());
    }
    model.addAttribute("sent", SENT.formatted(lifetime()));
    return forgotPage(model, email, Map.of());
  }

  @GetMapping("/password/reset/{token}")
  String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
    var problem = passwords.problem(token);
    if (problem.isPresent()) {
      response.setStatus(410);
      model.addAttribute("gone", problem.get());
    }
    return resetPage(model, token, Map.of());
  }

  @PostMapping("/password/reset/{token}")
  String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password,
               @RequestParam(defaultValue = "") String confirm, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
    if (!password.equals(confirm)) {
      response.setStatus(422);
      return resetPage(model, token, FormErrors.of("confirm", "does not match the new password"));
    }
    try {
      passwords.reset(token, password);
    } catch (ResetLinkGone e) {
      response.setStatus(410);
      model.addAttribute("gone", e.getMessage());
      return resetPage(model, token, Map.of());
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return resetPage(model, token, FormErrors.of(e));
    }
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok("Your password was changed, and every session signed in "
        + "with the old one has ended. Sign in with the new one."));
    return "redirect:/login";
  }

  private String forgotPage(Model model, String email, Map<String, String> errors) {
    model.addAttribute("email", email);
    model.addAttribute("errors", errors);
    model.addAttribute("mailEnabled", passwords.mailEnabled());
    model.addAttribute("lifetime", lifetime());
    return "tenancy/password-forgot";
  }

  private String resetPage(Model model, String token, Map<String, String> errors) {
    model.addAttribute("token", token);
    model.addAttribute("errors", errors);
    return "tenancy/password-reset";
  }

  private String lifetime() {
    return human(passwords.lifetime());
  }

  static String human(java.time.Duration d) {
    long minutes = Math.max(1, d.toMinutes());
    if (minutes % (24 * 60) == 0) {
      long days = minutes / (24 * 60);
      return days == 1 ? "a day" : days + " days";
    }
    if (minutes % 60 == 0) {
      long hours = minutes / 60;
      return hours == 1 ? "an hour" : hours + " hours";
    }
    return minutes == 1 ? "a minute" : minutes + " minutes";
  }
}
