package com.orbitcrm.deals.web;

import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.web.CommandSearch;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Deals in the command bar: by the words of the name, the contact's name and e-mail; Enter opens the deal. */
@Component
class DealCommandSearch implements CommandSearch {

  private final DealService deals;

  DealCommandSearch(DealService deals) {
    this.deals = deals;
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public String groupLabel() {
    return "Deals";
  }

  @Override
  public List<Found> find(String typed, int limit) {
    return deals.findByWords(typed, limit).stream().map(d -> {
      String detail = String.join(" · ", Stream.of(d.progress().stage().label(), d.details().contact().name())
          .filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
      return new Found(d.details().name(), detail, "/deals/" + d.id());
    }).toList();
  }
}
