package com.orbitcrm.deals.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pipeline board page. */
@Controller
class PipelinePageController {

  @GetMapping("/pipeline")
  String pipeline() {
    return "deals/board";
  }
}
