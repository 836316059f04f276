package com.orbitcrm.insights.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard: where a signed-in person lands. Metrics and charts arrive with the insights module. */
@Controller
class DashboardController {

  @GetMapping("/dashboard")
  String dashboard() {
    return "insights/dashboard";
  }
}
