package com.orbitcrm.deals.web;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.web.EntitySection;
import com.orbitcrm.platform.web.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The client page's Deals section: the client's deals (newest first) with stage and value, and "Add deal". */
@Component
class ClientDealsSection implements EntitySection {

  static final String TEMPLATE = "deals/sections";
  static final String FRAGMENT = "client-deals";
  private static final int SHOWN = 50;

  private final DealService deals;

  ClientDealsSection(DealService deals) {
    this.deals = deals;
  }

  @Override
  public String entityType() {
    return "client";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String template() {
    return TEMPLATE;
  }

  @Override
  public String fragment() {
    return FRAGMENT;
  }

  @Override
  public void populate(UUID entityId, Model model) {
    fill(deals, new ClientId(entityId), model);
  }

  static void fill(DealService deals, ClientId client, Model model) {
    var page = deals.list(new DealQuery(null, null, client, null, null, null, null, SHOWN, false));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<DealView> views = page.items().stream().map(d -> DealView.of(d, null, null, today)).toList();
    // The open pipeline per currency: what this client may still bring.
    Map<String, BigDecimal> open = new TreeMap<>();
    for (Deal d : page.items()) {
      if (d.progress().stage().open()) {
        open.merge(d.details().currency(), d.details().value(), BigDecimal::add);
      }
    }
    model.addAttribute("clientDeals", views);
    model.addAttribute("clientDealsMore", page.next() != null);
    model.addAttribute("clientDealsOpen", open.entrySet().stream()
        .map(e -> Money.format(e.getValue(), e.getKey())).toList());
    model.addAttribute("clientDealsClientId", client.toString());
  }
}
