package com.orbitcrm.platform.web;

import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page; someone already signed in goes straight to their dashboard. */
@Controller
class HomeController {

  @GetMapping("/")
  String home(@Nullable Principal principal) {
    return principal != null ? "redirect:/dashboard" : "home";
  }
}
