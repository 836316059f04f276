package com.orbitcrm.deals.web;

import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.customfields.web.CustomFieldForms;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.web.EntitySection;
import com.orbitcrm.platform.web.HxTrigger;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The deal panel (the modal's content and the deal page's body): the deal, the pipeline's stages for its
 * progress bar, and the sections other modules contribute ({@link EntitySection}s of type deal).
 */
@Component
class DealPanel {

  /** What every deal change tells the page: whatever shows deals reloads itself. */
  static final String CHANGED = "dealsChanged";

  private final DealService deals;
  private final DealViews views;
  private final CustomFieldService customFields;
  private final List<EntitySection> sections;

  DealPanel(DealService deals, DealViews views, CustomFieldService customFields, List<EntitySection> sections) {
    this.deals = deals;
    this.customFields = customFields;
    this.views = views;
    this.sections = sections.stream().filter(s -> s.appliesTo(Deal.RECORD_TYPE))
        .sorted(Comparator.comparingInt(EntitySection::order)).toList();
  }

  String render(Model model, Deal deal) {
    model.addAttribute("deal", views.of(deal));
    model.addAttribute("stages", deals.pipeline(deal.pipeline()).stages());
    model.addAttribute("errors", Map.of());
    model.addAttribute("customValues", CustomFieldForms.shown(customFields.definitions(Deal.RECORD_TYPE),
        deals.customValues(List.of(deal.id())).getOrDefault(deal.id().value(), Map.of())));
    sections.forEach(section -> section.populate(deal.ref(), model));
    model.addAttribute("sections", sections);
    return "deals/detail :: panel";
  }

  /** Tells the page that deals changed (the board and the client's Deals section reload), with a toast. */
  static void changed(HtmxResponse htmx, @Nullable String toast) {
    HxTrigger.afterSettle(htmx, CHANGED, toast);
  }
}
