package com.orbitcrm.deals.app;

import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ClosedTotal;
import com.orbitcrm.deals.ForecastTotal;
import com.orbitcrm.deals.MonthlyClosed;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.deals.StageReach;
import com.orbitcrm.insights.DealFacts;
import com.orbitcrm.insights.Period;
import com.orbitcrm.insights.PeriodKind;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealPage;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.port.Deals;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.Money;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.testing.StoreOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import com.orbitcrm.platform.SearchWords;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The deals of every workspace, in memory, keeping what {@code JooqDeals} and the schema promise:
 * <ul>
 *   <li>every read is of one workspace;</li>
 *   <li>an insert stores version 0 and no {@code deletedAt}, whatever the deal says;</li>
 *   <li>an update writes details, progress and rank only when the stored deal is live and has the
 *       deal's version, and then bumps the version ({@code orbit_touch()}); otherwise it answers false;</li>
 *   <li>no two live deals share a rank in one (pipeline, stage) column (V9's unique index): an insert,
 *       update or restore that would break that is a {@link ConflictException};</li>
 *   <li>columns, neighbours, last and adjacent ranks follow the rank's text order ("C" collation);</li>
 *   <li>lists are newest first, keyset-paged by (createdAt, id), ids in PostgreSQL's uuid order;</li>
 *   <li>totals are per stage and currency, with the exact weighted value Σ value × probability / 100;</li>
 *   <li>trash and restore change live (trashed) deals only and bump the version; purging deletes what was
 *       trashed before the cutoff.</li>
 * </ul>
 * {@link #inTransaction} stands in for {@code @Transactional}: a runtime exception rolls the store back.
 */
class InMemoryDeals implements Deals {

  private static final Comparator<Deal> NEWEST_FIRST = Comparator.comparing(Deal::createdAt)
      .thenComparing(d -> d.id().value(), StoreOrder.UUIDS).reversed();
  private static final Comparator<Deal> BY_RANK = Comparator.comparing(Deal::rank);

  private record Key(TenantId tenant, DealId id) {}

  private final Map<Key, Deal> rows = new LinkedHashMap<>();

  /** Runs {@code work} as a transaction would: a runtime exception leaves the store as it was. */
  <T> T inTransaction(Supplier<T> work) {
    var before = new LinkedHashMap<>(rows);
    try {
      return work.get();
    } catch (RuntimeException e) {
      rows.clear();
      rows.putAll(before);
      throw e;
    }
  }

  /** Every stored deal of every workspace, trashed or not. */
  List<Deal> all() {
    return List.copyOf(rows.values());
  }

  @Override
  public Optional<Deal> find(TenantId tenant, DealId id) {
    return Optional.ofNullable(rows.get(new Key(tenant, id)));
  }

  /** Every typed word starts a word of the name or contact. */
  @Override
  public List<Deal> findByWords(TenantId tenant, List<String> typed, int limit) {
    if (typed.isEmpty()) {
      return List.of();
    }
    return rows.values().stream().filter(d -> d.tenant().equals(tenant) && !d.trashed())
        .filter(d -> {
          var own = SearchWords.of(d.details().name() + " " + java.util.Objects.toString(d.details().contact().name(), "") + " "
              + java.util.Objects.toString(d.details().contact().email(), ""));
          return typed.stream().allMatch(t -> own.stream().anyMatch(w -> w.startsWith(t)));
        })
        .limit(limit).toList();
  }

  @Override
  public DealPage find(TenantId tenant, DealQuery q) {
    List<Deal> matching = of(tenant)
        .filter(d -> q.trashed() == d.trashed())
        .filter(d -> q.pipeline() == null || d.pipeline().equals(q.pipeline()))
        .filter(d -> q.stage() == null || d.progress().stage().key().equals(q.stage()))
        .filter(d -> q.clientId() == null || q.clientId().equals(d.details().clientId()))
        .filter(d -> q.statuses().isEmpty() || q.statuses().contains(d.progress().stage().kind()))
        .filter(d -> q.closedFrom() == null || d.progress().actualCloseDate() != null
            && !d.progress().actualCloseDate().isBefore(q.closedFrom()))
        .filter(d -> q.closedTo() == null || d.progress().actualCloseDate() != null
            && !d.progress().actualCloseDate().isAfter(q.closedTo()))
        .filter(narrowed(new BoardFilter(q.ownerId(), q.search(), q.closeFrom(), q.closeTo())))
        .filter(d -> q.after() == null || olderThan(d, q.after()))
        .sorted(NEWEST_FIRST)
        .limit(q.limit() + 1L)
        .toList();
    if (matching.size() <= q.limit()) {
      return new DealPage(matching, null);
    }
    List<Deal> page = List.copyOf(matching.subList(0, q.limit()));
    Deal last = page.getLast();
    return new DealPage(page, new CreatedCursor(last.createdAt(), last.id().value()));
  }

  @Override
  public void each(TenantId tenant, DealQuery q, int chunk, Consumer<List<Deal>> sink) {
    CreatedCursor after = null;
    do {
      var page = find(tenant, q.after(after));
      if (!page.items().isEmpty()) {
        sink.accept(page.items());
      }
      after = page.next();
    } while (after != null);
  }

  private static boolean olderThan(Deal d, CreatedCursor cursor) {
    int byTime = d.createdAt().compareTo(cursor.createdAt());
    return byTime < 0 || byTime == 0 && StoreOrder.UUIDS.compare(d.id().value(), cursor.id()) < 0;
  }

  @Override
  public Map<DealId, String> names(TenantId tenant, Collection<DealId> ids) {
    Set<DealId> wanted = Set.copyOf(ids);
    return of(tenant).filter(d -> !d.trashed() && wanted.contains(d.id()))
        .collect(Collectors.toMap(Deal::id, d -> d.details().name()));
  }

  @Override
  public void insert(Deal deal) {
    var key = new Key(deal.tenant(), deal.id());
    if (rows.containsKey(key)) {
      throw new ConflictException("Another deal took that place in the column at the same moment: try again");
    }
    requireFreeRank(deal, deal.rank());
    rows.put(key, new Deal(deal.id(), deal.tenant(), deal.pipeline(), deal.details(), deal.progress(), deal.rank(),
        deal.createdBy(), deal.createdAt(), deal.updatedAt(), null, 0));
  }

  @Override
  public boolean update(Deal deal) {
    var key = new Key(deal.tenant(), deal.id());
    Deal stored = rows.get(key);
    if (stored == null || stored.trashed() || stored.version() != deal.version()) {
      return false;
    }
    var next = new Deal(stored.id(), stored.tenant(), stored.pipeline(), deal.details(), deal.progress(), deal.rank(),
        stored.createdBy(), stored.createdAt(), deal.updatedAt(), null, stored.version() + 1);
    requireFreeRank(next, next.rank());
    rows.put(key, next);
    return true;
  }

  private void requireFreeRank(Deal deal, String rank) {
    boolean taken = of(deal.tenant()).anyMatch(d -> !d.trashed() && !d.id().equals(deal.id())
        && d.pipeline().equals(deal.pipeline()) && d.progress().stage().key().equals(deal.progress().stage().key())
        && d.rank().equals(rank));
    if (taken) {
      throw new ConflictException("Another deal took that place in the column at the same moment: try again");
    }
  }

  @Override
  public Neighbours neighbours(TenantId tenant, Pipeline pipeline, String stage, int position,
                               @Nullable DealId moving) {
    List<String> around = column(tenant, pipeline, stage, moving).map(Deal::rank)
        .skip(Math.max(0, position - 1))
        .limit(position == 0 ? 1 : 2)
        .toList();
    if (position == 0) {
      return new Neighbours(null, around.isEmpty() ? null : around.getFirst());
    }
    return new Neighbours(around.isEmpty() ? null : around.getFirst(), around.size() < 2 ? null : around.get(1));
  }

  @Override
  public Optional<String> lastRank(TenantId tenant, Pipeline pipeline, String stage, @Nullable DealId except) {
    return column(tenant, pipeline, stage, except).map(Deal::rank).reduce((a, b) -> b);
  }

  @Override
  public Optional<String> adjacentRank(TenantId tenant, Pipeline pipeline, String stage, String rank, boolean above,
                                       @Nullable DealId except) {
    List<String> ranks = column(tenant, pipeline, stage, except).map(Deal::rank).toList();
    return above ? ranks.stream().filter(r -> r.compareTo(rank) > 0).findFirst()
        : ranks.stream().filter(r -> r.compareTo(rank) < 0).reduce((a, b) -> b);
  }

  @Override
  public List<Deal> column(TenantId tenant, Pipeline pipeline, String stage, BoardFilter filter,
                           @Nullable String afterRank, int limit) {
    return column(tenant, pipeline, stage, null)
        .filter(narrowed(filter))
        .filter(d -> afterRank == null || d.rank().compareTo(afterRank) > 0)
        .limit(limit)
        .toList();
  }

  @Override
  public List<ColumnTotal> totals(TenantId tenant, Pipeline pipeline, BoardFilter filter, @Nullable String stage) {
    record Group(String stage, String currency) {}
    var groups = new TreeMap<Group, List<Deal>>(Comparator.comparing(Group::stage).thenComparing(Group::currency));
    of(tenant).filter(d -> !d.trashed() && d.pipeline().equals(pipeline.id()))
        .filter(narrowed(filter))
        .filter(d -> stage == null || d.progress().stage().key().equals(stage))
        .forEach(d -> groups.computeIfAbsent(new Group(d.progress().stage().key(), d.details().currency()),
            g -> new ArrayList<>()).add(d));
    return groups.entrySet().stream().map(e -> {
      String currency = e.getKey().currency();
      Money value = Money.zero(currency);
      Money weighted = Money.zero(currency);
      for (Deal d : e.getValue()) {
        value = value.plus(d.details().value());
        weighted = weighted.plus(d.progress().probability().weigh(d.details().value()));
      }
      return new ColumnTotal(e.getKey().stage(), e.getValue().size(), value, weighted);
    }).toList();
  }

  @Override
  public void holdColumnEnd(TenantId tenant, Pipeline pipeline, String stage) {
    // One thread at a time here: nothing to wait for.
  }

  @Override
  public List<ColumnTotal> summary(TenantId tenant, Pipeline pipeline, DealQuery query) {
    var matching = new ArrayList<Deal>();
    var q = query.inPipeline(pipeline.id()).after(null);
    CreatedCursor after = null;
    do {
      var page = find(tenant, q.after(after));
      matching.addAll(page.items());
      after = page.next();
    } while (after != null);
    record Group(String stage, String currency) {}
    var groups = new TreeMap<Group, List<Deal>>(Comparator.comparing(Group::stage).thenComparing(Group::currency));
    matching.forEach(d -> groups.computeIfAbsent(new Group(d.progress().stage().key(), d.details().currency()),
        g -> new ArrayList<>()).add(d));
    return groups.entrySet().stream().map(e -> {
      Money value = Money.zero(e.getKey().currency());
      Money weighted = Money.zero(e.getKey().currency());
      for (Deal d : e.getValue()) {
        value = value.plus(d.details().value());
        weighted = weighted.plus(d.progress().probability().weigh(d.details().value()));
      }
      return new ColumnTotal(e.getKey().stage(), e.getValue().size(), value, weighted);
    }).toList();
  }

  @Override
  public boolean trash(TenantId tenant, DealId id, Instant at) {
    var key = new Key(tenant, id);
    Deal stored = rows.get(key);
    if (stored == null || stored.trashed()) {
      return false;
    }
    rows.put(key, new Deal(stored.id(), stored.tenant(), stored.pipeline(), stored.details(), stored.progress(),
        stored.rank(), stored.createdBy(), stored.createdAt(), at, at, stored.version() + 1));
    return true;
  }

  @Override
  public boolean restore(TenantId tenant, DealId id) {
    var key = new Key(tenant, id);
    Deal stored = rows.get(key);
    if (stored == null || !stored.trashed()) {
      return false;
    }
    var live = new Deal(stored.id(), stored.tenant(), stored.pipeline(), stored.details(), stored.progress(),
        stored.rank(), stored.createdBy(), stored.createdAt(), stored.updatedAt(), null, stored.version() + 1);
    try {
      requireFreeRank(live, live.rank());
    } catch (ConflictException e) {
      throw new ConflictException("Its old place in the column is taken: move it after restoring");
    }
    rows.put(key, live);
    return true;
  }

  @Override
  public List<DealId> purgeTrashedBefore(TenantId tenant, Instant cutoff) {
    List<DealId> expired = of(tenant).filter(d -> d.trashed() && d.deletedAt().isBefore(cutoff))
        .map(Deal::id).toList();
    expired.forEach(id -> rows.remove(new Key(tenant, id)));
    return expired;
  }

  @Override
  public List<Deal> inStage(TenantId tenant, Pipeline pipeline, String stage) {
    return column(tenant, pipeline, stage, null).toList();
  }

  @Override
  public void moveTrashed(TenantId tenant, Pipeline pipeline, String from, String to) {
    var target = pipeline.stage(to).orElseThrow();
    rows.replaceAll((k, d) -> d.tenant().equals(tenant) && d.trashed() && d.pipeline().equals(pipeline.id())
        && d.progress().stage().key().equals(from)
        ? new Deal(d.id(), d.tenant(), d.pipeline(), d.details(), new com.orbitcrm.deals.DealProgress(target,
            d.progress().probability(), d.progress().probabilityManual(), d.progress().actualCloseDate(),
            d.progress().lostReason()), d.rank(), d.reached(), d.createdBy(), d.createdAt(), d.updatedAt(),
            d.deletedAt(), d.version())
        : d);
  }

  @Override
  public long countOn(TenantId tenant, Pipeline pipeline) {
    return of(tenant).filter(d -> !d.trashed() && d.pipeline().equals(pipeline.id())).count();
  }

  private Stream<Deal> of(TenantId tenant) {
    return rows.values().stream().filter(d -> d.tenant().equals(tenant));
  }

  /** The live cards of one column in rank order, without {@code except}. */
  private Stream<Deal> column(TenantId tenant, Pipeline pipeline, String stage, @Nullable DealId except) {
    return of(tenant).filter(d -> !d.trashed() && d.pipeline().equals(pipeline.id())
            && d.progress().stage().key().equals(stage) && !d.id().equals(except))
        .sorted(BY_RANK);
  }

  /** Owner, text in the name or contact name (case-insensitive), expected close date range. */
  private static Predicate<Deal> narrowed(BoardFilter filter) {
    return d -> {
      var details = d.details();
      if (filter.ownerId() != null && !filter.ownerId().equals(details.ownerId())) {
        return false;
      }
      if (filter.search() != null && !filter.search().isBlank()) {
        String needle = filter.search().strip().toLowerCase(Locale.ROOT);
        boolean inName = details.name().toLowerCase(Locale.ROOT).contains(needle);
        boolean inContact = details.contactName() != null
            && details.contactName().toLowerCase(Locale.ROOT).contains(needle);
        if (!inName && !inContact) {
          return false;
        }
      }
      var close = details.expectedCloseDate();
      if (filter.closeFrom() != null && (close == null || close.isBefore(filter.closeFrom()))) {
        return false;
      }
      return filter.closeTo() == null || close != null && !close.isAfter(filter.closeTo());
    };
  }

  // ---- Figures: the rules of DealFacts over the stored deals, so the fake answers as the SQL does ----

  private List<Deal> scoped(TenantId tenant, Pipeline pipeline, BoardFilter filter) {
    return rows.values().stream().filter(d -> d.tenant().equals(tenant) && d.pipeline().equals(pipeline.id()))
        .filter(d -> filter.ownerId() == null || filter.ownerId().equals(d.details().ownerId())).toList();
  }

  @Override
  public List<ClosedTotal> closed(TenantId tenant, Pipeline pipeline, BoardFilter filter, @Nullable LocalDate from,
                                  @Nullable LocalDate to, ZoneId zone) {
    return DealFacts.closed(scoped(tenant, pipeline, filter), new Period(PeriodKind.CUSTOM, from, to), zone);
  }

  @Override
  public List<MonthlyClosed> closedByMonth(TenantId tenant, Pipeline pipeline, BoardFilter filter, LocalDate from,
                                           LocalDate to) {
    return DealFacts.closedByMonth(scoped(tenant, pipeline, filter), new Period(PeriodKind.CUSTOM, from, to));
  }

  @Override
  public List<ForecastTotal> forecast(TenantId tenant, Pipeline pipeline, BoardFilter filter, LocalDate until) {
    return DealFacts.forecast(scoped(tenant, pipeline, filter), until);
  }

  @Override
  public long openWithoutCloseDate(TenantId tenant, Pipeline pipeline, BoardFilter filter) {
    return DealFacts.withoutCloseDate(scoped(tenant, pipeline, filter));
  }

  @Override
  public List<StageReach> reached(TenantId tenant, Pipeline pipeline, BoardFilter filter, @Nullable LocalDate from,
                                  @Nullable LocalDate to) {
    return DealFacts.reached(scoped(tenant, pipeline, filter), new Period(PeriodKind.CUSTOM, from, to));
  }
}
