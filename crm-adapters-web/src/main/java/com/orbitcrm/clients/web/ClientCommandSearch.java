package com.orbitcrm.clients.web;

import com.orbitcrm.clients.app.ClientService;
import com.orbitcrm.platform.web.CommandSearch;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Clients in the command bar: by the words of the name, the contact's name and e-mail. */
@Component
class ClientCommandSearch implements CommandSearch {

  private final ClientService clients;

  ClientCommandSearch(ClientService clients) {
    this.clients = clients;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String groupLabel() {
    return "Clients";
  }

  @Override
  public List<Found> find(String typed, int limit) {
    return clients.findByWords(typed, limit).stream().map(c -> new Found(c.details().name(),
        detail(Stream.of(c.details().contact().name(), c.details().contact().email())), "/clients/" + c.id())).toList();
  }

  static @Nullable String detail(Stream<@Nullable String> parts) {
    String joined = String.join(" · ", parts.filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
    return joined.isEmpty() ? null : joined;
  }
}
