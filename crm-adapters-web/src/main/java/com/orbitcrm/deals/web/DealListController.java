package com.orbitcrm.deals.web;

import com.orbitcrm.deals.DealPage;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.app.MemberService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The deals as a list (what the dashboard's figures link to): newest first, filtered by status, owner,
 * text and close dates, paged by keyset.
 */
@Controller
class DealListController {

  private final DealService deals;
  private final MemberService members;
  private final DealViews views;

  DealListController(DealService deals, MemberService members, DealViews views) {
    this.deals = deals;
    this.members = members;
    this.views = views;
  }

  @GetMapping("/deals")
  String list(@ModelAttribute("params") DealListParams params, Model model) {
    var team = members.members();
    model.addAttribute("team", team);
    try {
      DealPage page = deals.list(params.query(deals.pipelineFilter(params.pipeline()), false));
      var namer = views.namer(page.items(), team);
      model.addAttribute("rows", page.items().stream().map(namer).toList());
      model.addAttribute("next", page.next() == null ? null
          : "/deals" + params.queryString("cursor", page.next().encode()));
      model.addAttribute("summary", page.items().isEmpty() ? "No deals"
          : page.next() == null ? page.items().size() + (page.items().size() == 1 ? " deal" : " deals")
          : "The newest " + page.items().size() + " deals; more below");
      model.addAttribute("filterError", null);
    } catch (InvalidInputException e) {
      model.addAttribute("rows", List.of());
      model.addAttribute("next", null);
      model.addAttribute("filterError", e.getMessage());
    }
    return "deals/list";
  }

  /** A filter changed (or deals changed): the table alone. */
  @HxRequest(target = "deal-table")
  @GetMapping("/deals")
  String table(@ModelAttribute("params") DealListParams params, Model model) {
    list(params, model);
    return "deals/list :: deal-table";
  }

  /** "Load more": the next rows. */
  @HxRequest(target = "deal-more-row")
  @GetMapping("/deals")
  String more(@ModelAttribute("params") DealListParams params, Model model) {
    list(params, model);
    return "deals/list :: deal-page-rows";
  }
}
