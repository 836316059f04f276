package com.orbitcrm.deals.web;

import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.app.DealCommands.EditDeal;
import com.orbitcrm.deals.app.DealCommands.PlaceDeal;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.deals.EntryRefused;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.tenancy.TenantContext;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deal modal (and the deal's own page): stage progress bar, facts edited in place, and the sections
 * other modules contribute. Every change tells the page {@code dealsChanged}, so whatever shows deals
 * refreshes itself.
 */
@Controller
class DealModalController {

  private final DealService deals;
  private final DealViews views;
  private final DealPanel panel;

  DealModalController(DealService deals, DealViews views, DealPanel panel) {
    this.deals = deals;
    this.views = views;
    this.panel = panel;
  }

  @GetMapping("/deals/{id}")
  String page(@PathVariable String id, Model model) {
    panel.render(model, deals.get(DealViews.id(id)));
    return "deals/detail";
  }

  @HxRequest
  @GetMapping("/deals/{id}")
  String modal(@PathVariable String id, Model model) {
    panel.render(model, deals.get(DealViews.id(id)));
    return "deals/detail :: modal";
  }

  @GetMapping("/deals/{id}/panel")
  String panel(@PathVariable String id, Model model) {
    return panel.render(model, deals.get(DealViews.id(id)));
  }

  /**
   * A click on the modal's stage progress bar; a stage that requires what the deal lacks (a lost stage: a
   * reason) asks for just that in place, and the answer is saved with the move.
   */
  @PostMapping("/deals/{id}/stage")
  String stage(@PathVariable String id, @ModelAttribute MoveForm move, Model model, HtmxResponse htmx,
               HttpServletRequest request, HttpServletResponse response) {
    DealId dealId = DealViews.id(id);
    try {
      Deal deal = deals.place(new PlaceDeal(dealId, move.stageKey(), null, null, move.lostReason(),
          move.versionValue(), move.fill(request))).deal();
      DealPanel.changed(htmx, deal.details().name() + " moved to " + deal.progress().stage().label() + ".");
      return panel.render(model, deal);
    } catch (InvalidInputException e) {
      response.setStatus(422);
      panel.render(model, deals.get(dealId));
      model.addAttribute("askLostReason", true);
      model.addAttribute("askStage", move.stageKey());
      model.addAttribute("asked", e instanceof EntryRefused refused ? refused.fields() : List.of("lostReason"));
      model.addAttribute("askLost", !(e instanceof EntryRefused refused) || refused.stage().kind() == StageKind.LOST);
      model.addAttribute("errors", FormErrors.of(e));
      return "deals/detail :: panel";
    } catch (ConflictException e) {
      response.setStatus(409);
      panel.render(model, deals.get(dealId));
      model.addAttribute("conflict", e.getMessage());
      return "deals/detail :: panel";
    }
  }

  /** One fact of the modal (value, expected close date, probability) as text, or as its inline form. */
  @GetMapping("/deals/{id}/fields/{field}")
  String field(@PathVariable String id, @PathVariable String field, @RequestParam(defaultValue = "false") boolean edit,
               Model model) {
    if (edit) {
      TenantContext.requireWriter();
    }
    Deal deal = deals.get(DealViews.id(id));
    model.addAttribute("deal", views.of(deal));
    model.addAttribute("field", inline(field));
    model.addAttribute("editing", edit);
    model.addAttribute("input", current(deal, field));
    model.addAttribute("errors", Map.of());
    return "deals/detail :: fact";
  }

  @PostMapping("/deals/{id}/fields/{field}")
  String saveField(@PathVariable String id, @PathVariable String field, @ModelAttribute DealForm form, Model model,
                   HtmxResponse htmx, HttpServletResponse response) {
    DealId dealId = DealViews.id(id);
    String name = inline(field);
    String raw = Objects.requireNonNullElse(form.values().get(name), "");
    try {
      EditDeal edit = name.equals("probability")
          ? EditDeal.of(dealId, form.versionValue(), draft -> draft).withProbability(form.probabilityValue())
          : EditDeal.of(dealId, form.versionValue(), draft -> form.applyOnly(name, draft));
      Deal deal = deals.update(edit);
      DealPanel.changed(htmx, null);
      model.addAttribute("deal", views.of(deal));
      model.addAttribute("factSaved", true);
      model.addAttribute("editing", false);
      model.addAttribute("errors", Map.of());
    } catch (InvalidInputException e) {
      response.setStatus(422);
      model.addAttribute("deal", views.of(deals.get(dealId)));
      model.addAttribute("editing", true);
      model.addAttribute("errors", FormErrors.of(e));
      model.addAttribute("input", raw);
    } catch (ConflictException e) {
      response.setStatus(409);
      model.addAttribute("deal", views.of(deals.get(dealId)));
      model.addAttribute("editing", true);
      model.addAttribute("errors", Map.of(name, e.getMessage()));
      model.addAttribute("input", raw);
    }
    model.addAttribute("field", name);
    return "deals/detail :: fact";
  }

  private static String inline(String field) {
    return switch (field) {
      case "value", "expectedCloseDate", "probability" -> field;
      default -> throw new NotFoundException("Field");
    };
  }

  private static String current(Deal deal, String field) {
    return switch (field) {
      case "value" -> deal.details().value().amount().toPlainString();
      case "expectedCloseDate" -> Objects.toString(deal.details().expectedCloseDate(), "");
      default -> String.valueOf(deal.progress().probability().percent());
    };
  }
}
