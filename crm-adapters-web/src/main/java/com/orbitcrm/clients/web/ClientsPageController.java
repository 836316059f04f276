package com.orbitcrm.clients.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The clients list page. */
@Controller
class ClientsPageController {

  @GetMapping("/clients")
  String clients() {
    return "clients/list";
  }
}
