package com.orbitcrm.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }
}
