package com.orbitcrm.deals.web;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.app.ClientService;
import com.orbitcrm.deals.BoardColumn;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.tenancy.app.WorkspaceCalendar;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns deals into what the deal screens show ({@link DealView}, {@link ColumnView}), with their clients'
 * and owners' names looked up once per page, not once per card.
 */
@Component
class DealViews {

  private final ClientService clients;
  private final MemberService members;
  private final WorkspaceCalendar calendar;

  DealViews(ClientService clients, MemberService members, WorkspaceCalendar calendar) {
    this.clients = clients;
    this.members = members;
    this.calendar = calendar;
  }

  DealView of(Deal deal) {
    return namer(List.of(deal), members.members()).apply(deal);
  }

  /** A function that turns any of {@code page} into its view, its clients' names read in one query. */
  Function<Deal, DealView> namer(List<Deal> page, List<Member> team) {
    Map<UserId, String> owners = new HashMap<>();
    team.forEach(m -> owners.put(m.user(), m.name()));
    Set<ClientId> ids = page.stream().map(d -> d.details().clientId()).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    Map<ClientId, String> clientNames = ids.isEmpty() ? Map.of() : clients.names(ids);
    LocalDate today = calendar.today();
    return deal -> DealView.of(deal,
        deal.details().clientId() == null ? null : clientNames.get(deal.details().clientId()),
        deal.details().ownerId() == null ? null : owners.get(deal.details().ownerId()), today);
  }

  ColumnView column(BoardColumn column, BoardFilters filters, Function<Deal, DealView> namer) {
    return column(column, filters, namer, null);
  }

  /** A column of the pipeline {@code pipeline} ({@literal null}: the default one), whose id "load more" carries. */
  ColumnView column(BoardColumn column, BoardFilters filters, Function<Deal, DealView> namer,
                    @Nullable PipelineId pipeline) {
    String more = column.nextAfter() == null ? null
        : "/pipeline/columns/" + column.stage().key() + (pipeline == null ? filters.query("after", column.nextAfter())
            : filters.query("after", column.nextAfter(), "pipeline", pipeline.toString()));
    return new ColumnView(column.stage(), column.count(), ColumnView.totals(column.totals()),
        column.deals().stream().map(namer).toList(), more);
  }

  /** Today in the workspace's time zone: what "overdue" is measured against. */
  LocalDate today() {
    return calendar.today();
  }

  /** The id in a path; a malformed one is a 404 like any unknown deal. */
  static DealId id(String raw) {
    return new DealId(Requests.id(raw, "Deal"));
  }

  static ClientId clientId(String raw) {
    return new ClientId(Requests.id(raw.strip(), "Client"));
  }
}
