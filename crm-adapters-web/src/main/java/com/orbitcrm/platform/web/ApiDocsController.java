package com.orbitcrm.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A browsable page for the OpenAPI document ({@code /api/openapi.yaml}), with Swagger UI from a WebJar. */
@Controller
class ApiDocsController {

  @GetMapping("/api/docs")
  String docs() {
    return "api-docs";
  }
}
