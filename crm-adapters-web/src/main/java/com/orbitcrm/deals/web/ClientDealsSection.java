package com.orbitcrm.deals.web;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.app.ClientService;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.Money;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.platform.web.EntitySection;
import com.orbitcrm.platform.web.MoneyFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The client page's Deals section: the client's deals (newest first) with stage and value, the open
 * pipeline per currency, and "Add deal". Contributed to the client page as an {@link EntitySection}; it
 * reloads itself ({@code /clients/{id}/deals}) when deals change.
 */
@Controller
class ClientDealsSection implements EntitySection {

  private static final String TEMPLATE = "deals/sections";
  private static final String FRAGMENT = "client-deals";
  private static final int SHOWN = 50;

  private final DealService deals;
  private final ClientService clients;
  private final DealViews views;

  ClientDealsSection(DealService deals, ClientService clients, DealViews views) {
    this.deals = deals;
    this.clients = clients;
    this.views = views;
  }

  @Override
  public boolean appliesTo(RecordType type) {
    return type.equals(Client.RECORD_TYPE);
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
  public void populate(RecordRef record, Model model) {
    fill(new ClientId(record.id()), model);
  }

  @GetMapping("/clients/{id}/deals")
  String section(@PathVariable String id, Model model) {
    fill(clients.get(DealViews.clientId(id)).id(), model);
    return TEMPLATE + " :: " + FRAGMENT;
  }

  private void fill(ClientId client, Model model) {
    var page = deals.list(DealQuery.newest(SHOWN).ofClient(client));
    var today = views.today();
    List<DealView> rows = page.items().stream().map(d -> DealView.of(d, null, null, today)).toList();
    // The open pipeline per currency: what this client may still bring.
    Map<String, Money> open = new TreeMap<>();
    for (Deal d : page.items()) {
      if (d.progress().stage().open()) {
        open.merge(d.details().currency(), d.details().value(), Money::plus);
      }
    }
    model.addAttribute("clientDeals", rows);
    model.addAttribute("clientDealsMore", page.next() != null);
    model.addAttribute("clientDealsOpen", open.values().stream()
        .map(m -> MoneyFormat.format(m.amount(), m.currency())).toList());
    model.addAttribute("clientDealsClientId", client.toString());
  }
}
