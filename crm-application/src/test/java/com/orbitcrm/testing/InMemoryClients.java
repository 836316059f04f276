package com.orbitcrm.testing;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientCursor;
import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.ClientPage;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.ClientSort;
import com.orbitcrm.clients.port.Clients;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import com.orbitcrm.platform.SearchWords;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The clients of every workspace, in memory, keeping what {@code JooqClients} and the schema promise:
 * <ul>
 *   <li>every read is of one workspace;</li>
 *   <li>an insert stores version 0 and no {@code deletedAt}, whatever the client says;</li>
 *   <li>an update writes the details and the owner's assignment date only if the stored version is the
 *       client's and it is live, and bumps the version (the schema's {@code orbit_touch()});</li>
 *   <li>trash and restore change live (trashed) clients only, and bump the version too;</li>
 *   <li>lists page by keyset on the stored sort keys ({@code lower(name)}, created, spend in cents), then id;
 *       a search matches word prefixes of name, contact name and contact e-mail, never a trashed client.</li>
 * </ul>
 */
public class InMemoryClients implements Clients {

  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

  private record Key(TenantId tenant, ClientId id) {}

  private final Map<Key, Client> rows = new LinkedHashMap<>();

  @Override
  public Optional<Client> find(TenantId tenant, ClientId id) {
    return Optional.ofNullable(rows.get(new Key(tenant, id)));
  }

  /** As the word table answers: every typed word starts a word of the name, contact or e-mail; closest first. */
  @Override
  public List<Client> findByWords(TenantId tenant, List<String> typed, int limit) {
    if (typed.isEmpty()) {
      return List.of();
    }
    return rows.values().stream().filter(c -> c.tenant().equals(tenant) && !c.trashed())
        .filter(c -> {
          var own = SearchWords.of(c.details().name() + " " + java.util.Objects.toString(c.details().contact().name(), "") + " "
              + java.util.Objects.toString(c.details().contact().email(), ""));
          return typed.stream().allMatch(t -> own.stream().anyMatch(w -> w.startsWith(t)));
        })
        .limit(limit).toList();
  }

  @Override
  public ClientPage find(TenantId tenant, ClientQuery q) {
    List<String> words = words(q.search());
    Comparator<Client> order = order(q.sort());
    List<Client> matching = of(tenant)
        .filter(c -> q.trashed() == c.trashed())
        .filter(c -> words.stream().allMatch(w -> !c.trashed() && words(c).stream().anyMatch(cw -> cw.startsWith(w))))
        .filter(c -> q.status() == null || c.details().status() == q.status())
        .filter(c -> q.industry() == null || q.industry().equalsIgnoreCase(c.details().industry()))
        .filter(c -> q.ownerId() == null || q.ownerId().equals(c.details().accountOwnerId()))
        .filter(c -> q.state() == null || q.state().toUpperCase(Locale.ROOT).equals(c.details().state()))
        .filter(c -> q.after() == null || order.compare(c, cursorRow(q.after(), c)) > 0)
        .sorted(order)
        .limit(q.limit() + 1L)
        .toList();
    if (matching.size() <= q.limit()) {
      return new ClientPage(matching, null);
    }
    List<Client> page = matching.subList(0, q.limit());
    Client last = page.getLast();
    return new ClientPage(List.copyOf(page), new ClientCursor(q.sort(), sortKey(q.sort(), last), last.id().value()));
  }

  @Override
  public void each(TenantId tenant, ClientQuery q, int chunk, Consumer<List<Client>> sink) {
    ClientCursor after = null;
    do {
      var page = find(tenant, new ClientQuery(q.search(), q.status(), q.industry(), q.ownerId(), q.state(), q.sort(),
          after, chunk, q.trashed(), q.fields(), q.sortField()));
      if (!page.items().isEmpty()) {
        sink.accept(page.items());
      }
      after = page.next();
    } while (after != null);
  }

  @Override
  public Map<ClientId, String> names(TenantId tenant, Collection<ClientId> ids, boolean live) {
    Set<ClientId> wanted = Set.copyOf(ids);
    return of(tenant).filter(c -> wanted.contains(c.id()) && (!live || !c.trashed()))
        .collect(Collectors.toMap(Client::id, c -> c.details().name()));
  }

  @Override
  public void insert(Client client) {
    var key = new Key(client.tenant(), client.id());
    if (rows.containsKey(key)) {
      throw new ConflictException("duplicate client id " + client.id());
    }
    rows.put(key, new Client(client.id(), client.tenant(), client.details(), client.accountOwnerAssignedDate(),
        client.createdBy(), client.createdAt(), client.updatedAt(), null, 0));
  }

  @Override
  public boolean update(Client client) {
    var key = new Key(client.tenant(), client.id());
    Client stored = rows.get(key);
    if (stored == null || stored.trashed() || stored.version() != client.version()) {
      return false;
    }
    rows.put(key, new Client(stored.id(), stored.tenant(), client.details(), client.accountOwnerAssignedDate(),
        stored.createdBy(), stored.createdAt(), client.updatedAt(), null, stored.version() + 1));
    return true;
  }

  @Override
  public boolean trash(TenantId tenant, ClientId id, Instant at) {
    var key = new Key(tenant, id);
    Client stored = rows.get(key);
    if (stored == null || stored.trashed()) {
      return false;
    }
    rows.put(key, new Client(stored.id(), stored.tenant(), stored.details(), stored.accountOwnerAssignedDate(),
        stored.createdBy(), stored.createdAt(), at, at, stored.version() + 1));
    return true;
  }

  @Override
  public boolean restore(TenantId tenant, ClientId id) {
    var key = new Key(tenant, id);
    Client stored = rows.get(key);
    if (stored == null || !stored.trashed()) {
      return false;
    }
    rows.put(key, new Client(stored.id(), stored.tenant(), stored.details(), stored.accountOwnerAssignedDate(),
        stored.createdBy(), stored.createdAt(), stored.updatedAt(), null, stored.version() + 1));
    return true;
  }

  @Override
  public List<ClientId> purgeTrashedBefore(TenantId tenant, Instant cutoff) {
    List<ClientId> expired = of(tenant).filter(c -> c.trashed() && c.deletedAt().isBefore(cutoff))
        .map(Client::id).toList();
    expired.forEach(id -> rows.remove(new Key(tenant, id)));
    return expired;
  }

  /** Every stored client of every workspace, trashed or not. */
  public List<Client> all() {
    return List.copyOf(rows.values());
  }

  private Stream<Client> of(TenantId tenant) {
    return rows.values().stream().filter(c -> c.tenant().equals(tenant));
  }

  private static Comparator<Client> order(ClientSort sort) {
    Comparator<Client> byKey = switch (sort) {
      case NAME, NAME_DESC -> Comparator.comparing(InMemoryClients::nameKey);
      case CREATED, CREATED_DESC -> Comparator.comparing(Client::createdAt);
      case SPEND, SPEND_DESC -> Comparator.comparingLong(InMemoryClients::spendKey);
      case FIELD, FIELD_DESC -> throw new UnsupportedOperationException("custom-field orders: see JooqClients");
    };
    Comparator<Client> order = byKey.thenComparing(c -> c.id().value(), StoreOrder.UUIDS);
    return sort.ascending() ? order : order.reversed();
  }

  /** A stand-in row at the cursor's place, to compare rows with it in the sort's order. */
  private static Client cursorRow(ClientCursor cursor, Client like) {
    var details = like.details();
    Instant created = like.createdAt();
    switch (cursor.sort()) {
      case NAME, NAME_DESC -> details = withName(details, cursor.key());
      case CREATED, CREATED_DESC -> created = OffsetDateTime.parse(cursor.key()).toInstant();
      case SPEND, SPEND_DESC -> details = withSpend(details, new BigDecimal(cursor.key()).movePointLeft(2));
      case FIELD, FIELD_DESC -> throw new UnsupportedOperationException("custom-field orders: see JooqClients");
    }
    return new Client(new ClientId(cursor.id()), like.tenant(), details, null, null, created, created, null, 0);
  }

  private static ClientDetails withName(ClientDetails d, String name) {
    return new ClientDetails(name, d.contact(), d.industry(), d.addressLine1(),
        d.addressLine2(), d.city(), d.state(), d.zipCode(), d.estimatedMonthlySpend(), d.status(),
        d.accountOwnerId(), d.companyId());
  }

  private static ClientDetails withSpend(ClientDetails d,
                                                              BigDecimal spend) {
    return new ClientDetails(d.name(), d.contact(), d.industry(), d.addressLine1(),
        d.addressLine2(), d.city(), d.state(), d.zipCode(), spend, d.status(), d.accountOwnerId(), d.companyId());
  }

  private static String sortKey(ClientSort sort, Client c) {
    return switch (sort) {
      case NAME, NAME_DESC -> nameKey(c);
      case CREATED, CREATED_DESC -> c.createdAt().atOffset(ZoneOffset.UTC).toString();
      case SPEND, SPEND_DESC -> String.valueOf(spendKey(c));
      case FIELD, FIELD_DESC -> throw new UnsupportedOperationException("custom-field orders: see JooqClients");
    };
  }

  /** V9's {@code name_key}: {@code lower(name)}, compared in the "C" collation (as Java compares). */
  private static String nameKey(Client c) {
    return c.details().name().toLowerCase(Locale.ROOT);
  }

  /** V9's {@code spend_key}: the spend in cents, 0 when none. */
  private static long spendKey(Client c) {
    BigDecimal spend = c.details().estimatedMonthlySpend();
    return spend == null ? 0 : spend.movePointRight(2).longValue();
  }

  private static List<String> words(Client c) {
    return Stream.of(c.details().name(), c.details().contactName(), c.details().contactEmail())
        .filter(Objects::nonNull)
        .flatMap(s -> Arrays.stream(NOT_ALPHANUMERIC.split(s.toLowerCase(Locale.ROOT))))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  private static List<String> words(String search) {
    if (search == null) {
      return List.of();
    }
    return Arrays.stream(NOT_ALPHANUMERIC.split(search.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty())
        .distinct().limit(8).toList();
  }

  @Override
  public Map<String, ClientId> findLiveBy(TenantId tenant, String field, Collection<String> keys) {
    var wanted = new java.util.HashSet<>(keys);
    var found = new LinkedHashMap<String, ClientId>();
    rows.values().stream()
        .filter(c -> c.tenant().equals(tenant) && !c.trashed())
        .sorted(java.util.Comparator.comparing(Client::createdAt))
        .forEach(c -> {
          String v = switch (field) {
            case "contactEmail" -> c.details().contactEmail();
            case "companyId" -> c.details().companyId();
            default -> c.details().name();
          };
          if (v != null && wanted.contains(v.strip().toLowerCase(Locale.ROOT))) {
            found.putIfAbsent(v.strip().toLowerCase(Locale.ROOT), c.id());
          }
        });
    return found;
  }
}
