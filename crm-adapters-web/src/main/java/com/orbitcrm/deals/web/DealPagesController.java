package com.orbitcrm.deals.web;

import static com.orbitcrm.platform.web.Requests.blank;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.ClientSort;
import com.orbitcrm.clients.app.ClientService;
import com.orbitcrm.deals.BoardColumn;
import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.web.EntitySection;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.platform.web.HxTrigger;
import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pipeline board (columns per stage with totals, drag-and-drop and "Move to…" moves, per-column
 * paging, filters), the deal modal (stage progress bar, fields edited in place), the deal form, and the
 * Deals section of the client page. Every change answers with an HTMX {@code dealsChanged} event so
 * that whatever shows deals on the page refreshes itself.
 */
@Controller
class DealPagesController {

  /** Cards per column before "load more". */
  static final int PER_COLUMN = 20;
  private static final String CHANGED = "dealsChanged";

  private final DealService deals;
  private final ClientService clients;
  private final MemberService members;
  private final List<EntitySection> sections;

  DealPagesController(DealService deals, ClientService clients, MemberService members, List<EntitySection> sections) {
    this.deals = deals;
    this.clients = clients;
    this.members = members;
    this.sections = sections.stream().filter(s -> s.entityType().equals("deal"))
        .sorted(Comparator.comparingInt(EntitySection::order)).toList();
  }

  /** The board's filters as the page holds them (also its URL). */
  record Filters(String ownerId, String search, String closeFrom, String closeTo) {
    Filters {
      ownerId = ownerId == null ? "" : ownerId.strip();
      search = search == null ? "" : search.strip();
      closeFrom = closeFrom == null ? "" : closeFrom.strip();
      closeTo = closeTo == null ? "" : closeTo.strip();
    }

    static Filters of(MultiValueMap<String, String> params) {
      return new Filters(params.getFirst("ownerId"), params.getFirst("search"), params.getFirst("closeFrom"),
          params.getFirst("closeTo"));
    }

    BoardFilter parse() {
      var violations = new ArrayList<FieldViolation>();
      UserId owner = null;
      if (!ownerId.isEmpty()) {
        try {
          owner = new UserId(UUID.fromString(ownerId));
        } catch (IllegalArgumentException e) {
          violations.add(new FieldViolation("ownerId", "is not a member"));
        }
      }
      LocalDate from = date(violations, "closeFrom", closeFrom);
      LocalDate to = date(violations, "closeTo", closeTo);
      if (search.length() > BoardFilter.MAX_SEARCH) {
        violations.add(new FieldViolation("search", "must be at most " + BoardFilter.MAX_SEARCH + " characters"));
      }
      if (from != null && to != null && to.isBefore(from)) {
        violations.add(new FieldViolation("closeTo", "must not be before the start of the range"));
      }
      if (!violations.isEmpty()) {
        throw new InvalidInputException(violations);
      }
      return new BoardFilter(owner, search.isEmpty() ? null : search, from, to);
    }

    private static @Nullable LocalDate date(List<FieldViolation> violations, String field, String raw) {
      if (raw.isEmpty()) {
        return null;
      }
      try {
        return LocalDate.parse(raw);
      } catch (DateTimeParseException e) {
        violations.add(new FieldViolation(field, "must be a date such as 2026-12-31"));
        return null;
      }
    }

    /** "?ownerId=…&search=…", or "" without filters; {@code extra} pairs are appended. */
    public String query(String... extra) {
      var b = UriComponentsBuilder.newInstance();
      if (!ownerId.isEmpty()) b.queryParam("ownerId", ownerId);
      if (!search.isEmpty()) b.queryParam("search", search);
      if (!closeFrom.isEmpty()) b.queryParam("closeFrom", closeFrom);
      if (!closeTo.isEmpty()) b.queryParam("closeTo", closeTo);
      for (int i = 0; i + 1 < extra.length; i += 2) {
        b.queryParam(extra[i], extra[i + 1]);
      }
      return b.build().encode().toUriString();
    }

    public boolean any() {
      return !ownerId.isEmpty() || !search.isEmpty() || !closeFrom.isEmpty() || !closeTo.isEmpty();
    }
  }

  // ---- The board ----------------------------------------------------------------------------

  @GetMapping("/pipeline")
  String board(@RequestParam MultiValueMap<String, String> params,
               @RequestHeader(name = "HX-Target", required = false) @Nullable String target, Model model) {
    var filters = Filters.of(params);
    List<Member> team = members.members();
    model.addAttribute("filters", filters);
    model.addAttribute("team", team);
    model.addAttribute("stages", deals.pipeline().stages());
    try {
      List<BoardColumn> board = deals.board(filters.parse(), PER_COLUMN);
      var names = names(board.stream().flatMap(c -> c.deals().stream()).toList(), team);
      model.addAttribute("columns", board.stream().map(c -> view(c, filters, names)).toList());
      model.addAttribute("filterError", null);
      model.addAttribute("boardEmpty", !filters.any() && board.stream().allMatch(c -> c.count() == 0));
    } catch (InvalidInputException e) {
      model.addAttribute("columns", List.of());
      model.addAttribute("filterError", e.getMessage());
      model.addAttribute("boardEmpty", false);
    }
    return "board".equals(target) ? "deals/board :: board" : "deals/board";
  }

  /** The next cards of a column, after the card of rank {@code after}. */
  @GetMapping("/pipeline/columns/{stage}")
  String more(@PathVariable String stage, @RequestParam String after, @RequestParam MultiValueMap<String, String> params,
              Model model) {
    var filters = Filters.of(params);
    BigDecimal rank;
    try {
      rank = new BigDecimal(after);
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("after", "is not a place in the column");
    }
    BoardColumn column = deals.column(stage, filters.parse(), rank, PER_COLUMN);
    model.addAttribute("column", view(column, filters, names(column.deals(), members.members())));
    model.addAttribute("stages", deals.pipeline().stages());
    return "deals/board :: more-cards";
  }

  /**
   * A drag-and-drop or menu move: the deal goes to {@code stage} between the cards {@code above} and
   * {@code below}. Answers the card (swapped in place) and the headers of the columns it left and
   * entered; a refused move answers its reason with 409 or 422, and the page puts the card back.
   */
  @PostMapping("/pipeline/deals/{id}/move")
  String move(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
              HttpServletResponse response) {
    var filters = Filters.of(params);
    DealId dealId = DealApiController.id(id);
    try {
      BoardFilter filter = filters.parse();
      Deal before = deals.get(dealId);
      Deal moved = deals.moveBetween(dealId, text(params, "stage", ""), optionalId(params.getFirst("above")),
          optionalId(params.getFirst("below")), params.getFirst("lostReason"), version(params));
      List<Member> team = members.members();
      model.addAttribute("card", names(List.of(moved), team).apply(moved));
      model.addAttribute("stages", deals.pipeline().stages());
      var heads = new ArrayList<ColumnView>();
      for (Stage stage : new java.util.LinkedHashSet<>(List.of(before.progress().stage(), moved.progress().stage()))) {
        List<ColumnTotal> totals = deals.totals(stage.key(), filter);
        heads.add(new ColumnView(stage, ColumnView.count(totals), ColumnView.totals(totals), List.of(), null));
      }
      model.addAttribute("heads", heads);
      response.setHeader("HX-Trigger", HxTrigger.toast(moved.details().name() + " moved to "
          + moved.progress().stage().label() + "."));
      return "deals/board :: moved";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      model.addAttribute("message", e.getMessage());
      return "deals/board :: move-error";
    } catch (ConflictException e) {
      response.setStatus(409);
      model.addAttribute("message", e.getMessage());
      return "deals/board :: move-error";
    }
  }

  // ---- Create and edit ----------------------------------------------------------------------

  @GetMapping("/deals/new")
  String newDeal(@RequestParam(required = false) @Nullable String clientId,
                 @RequestParam(required = false) @Nullable String stage, Model model) {
    var scope = TenantContext.requireWriter();
    var form = new LinkedHashMap<String, String>();
    form.put("currency", "USD");
    form.put("ownerId", scope.user() == null ? "" : scope.user().toString());
    form.put("stage", stage != null && deals.pipeline().stage(stage).filter(Stage::open).isPresent()
        ? stage : deals.pipeline().first().key());
    if (clientId != null && !clientId.isBlank()) {
      form.put("clientId", clients.get(clientId(clientId)).id().toString());
    }
    return form(model, form, Map.of(), null, null);
  }

  @PostMapping("/deals")
  String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
    try {
      Deal deal = deals.create(draft(DealDraft.empty(), params), blank(params.getFirst("stage")),
          probability(params), params.getFirst("lostReason"));
      changed(response, deal.details().name() + " was added to " + deal.progress().stage().label() + ".");
      return "deals/form :: closed";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return form(model, params.toSingleValueMap(), FormErrors.of(e), null, null);
    }
  }

  @GetMapping("/deals/{id}/edit")
  String edit(@PathVariable String id, @RequestHeader(name = "HX-Target", required = false) @Nullable String target,
              Model model) {
    TenantContext.requireWriter();
    Deal deal = deals.get(DealApiController.id(id));
    var form = new LinkedHashMap<String, String>();
    DealDraft.of(deal.details()).values().forEach((k, v) -> form.put(k, v == null ? "" : v));
    form.put("probability", String.valueOf(deal.progress().probability()));
    form.put("version", String.valueOf(deal.version()));
    String view = form(model, form, Map.of(), view(deal), null);
    return "modal".equals(target) ? "deals/form :: edit-modal" : view;
  }

  @PostMapping("/deals/{id}")
  String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
                HttpServletResponse response) {
    DealId dealId = DealApiController.id(id);
    try {
      Deal deal = deals.update(dealId, version(params), draft -> draft(draft, params), probability(params));
      changed(response, null);
      model.addAttribute("saved", true);
      return panel(model, deal);
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return form(model, params.toSingleValueMap(), FormErrors.of(e), view(deals.get(dealId)), null);
    } catch (ConflictException e) {
      response.setStatus(409);
      Deal fresh = deals.get(dealId);
      var form = new LinkedHashMap<>(params.toSingleValueMap());
      form.put("version", String.valueOf(fresh.version()));
      return form(model, form, Map.of(), view(fresh), e.getMessage());
    }
  }

  private String form(Model model, Map<String, String> form, Map<String, String> errors, @Nullable DealView deal,
                      @Nullable String conflict) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("deal", deal);
    model.addAttribute("conflict", conflict);
    model.addAttribute("team", members.members());
    model.addAttribute("stages", deals.pipeline().stages());
    String clientId = form.getOrDefault("clientId", "");
    model.addAttribute("clientOptions", clientOptions("", clientId));
    return deal == null ? "deals/form :: create" : "deals/form :: edit";
  }

  /** The client picker's options: clients whose words start with {@code search}, and the chosen one. */
  @GetMapping("/deals/client-options")
  String clientOptionsFragment(@RequestParam(defaultValue = "") String clientSearch,
                               @RequestParam(defaultValue = "") String clientId, Model model) {
    model.addAttribute("clientOptions", clientOptions(clientSearch, clientId));
    model.addAttribute("form", Map.of("clientId", clientId));
    return "deals/form :: client-options";
  }

  private Map<String, String> clientOptions(String search, String chosen) {
    var options = new LinkedHashMap<String, String>();
    if (!chosen.isBlank()) {
      try {
        ClientId id = clientId(chosen);
        clients.names(List.of(id)).forEach((k, v) -> options.put(k.toString(), v));
      } catch (NotFoundException e) {
        // Not a client id: the picker simply does not offer it.
      }
    }
    String words = search.strip();
    if (words.length() > 200) {
      words = words.substring(0, 200);
    }
    var page = clients.list(new ClientQuery(words.isEmpty() ? null : words, null, null, null, null, ClientSort.NAME,
        null, 25, false));
    page.items().forEach(c -> options.putIfAbsent(c.id().toString(), c.details().name()));
    return options;
  }

  // ---- The deal modal -----------------------------------------------------------------------

  @GetMapping("/deals/{id}")
  String detail(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                Model model) {
    Deal deal = deals.get(DealApiController.id(id));
    panel(model, deal);
    return htmx != null ? "deals/detail :: modal" : "deals/detail";
  }

  @GetMapping("/deals/{id}/panel")
  String panel(@PathVariable String id, Model model) {
    return panel(model, deals.get(DealApiController.id(id)));
  }

  private String panel(Model model, Deal deal) {
    model.addAttribute("deal", view(deal));
    model.addAttribute("stages", deals.pipeline().stages());
    model.addAttribute("errors", Map.of());
    sections.forEach(section -> section.populate(deal.id().value(), model));
    model.addAttribute("sections", sections);
    return "deals/detail :: panel";
  }

  /** A click on the modal's stage progress bar; closed_lost without a reason asks for one. */
  @PostMapping("/deals/{id}/stage")
  String stage(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
               HttpServletResponse response) {
    DealId dealId = DealApiController.id(id);
    String stage = text(params, "stage", "");
    try {
      Deal deal = deals.moveBetween(dealId, stage, null, null, params.getFirst("lostReason"), version(params));
      changed(response, deal.details().name() + " moved to " + deal.progress().stage().label() + ".");
      return panel(model, deal);
    } catch (InvalidInputException e) {
      response.setStatus(422);
      panel(model, deals.get(dealId));
      model.addAttribute("askLostReason", true);
      model.addAttribute("errors", FormErrors.of(e));
      return "deals/detail :: panel";
    } catch (ConflictException e) {
      response.setStatus(409);
      panel(model, deals.get(dealId));
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
    Deal deal = deals.get(DealApiController.id(id));
    model.addAttribute("deal", view(deal));
    model.addAttribute("field", inline(field));
    model.addAttribute("editing", edit);
    model.addAttribute("input", current(deal, field));
    model.addAttribute("errors", Map.of());
    return "deals/detail :: fact";
  }

  @PostMapping("/deals/{id}/fields/{field}")
  String saveField(@PathVariable String id, @PathVariable String field,
                   @RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
    DealId dealId = DealApiController.id(id);
    String name = inline(field);
    String raw = params.getFirst(name) == null ? "" : params.getFirst(name);
    try {
      Deal deal = name.equals("probability")
          ? deals.update(dealId, version(params), draft -> draft, probability(params))
          : deals.update(dealId, version(params), draft -> draft.with(name, raw), null);
      changed(response, null);
      model.addAttribute("deal", view(deal));
      model.addAttribute("factSaved", true);
      model.addAttribute("editing", false);
      model.addAttribute("errors", Map.of());
    } catch (InvalidInputException e) {
      response.setStatus(422);
      model.addAttribute("deal", view(deals.get(dealId)));
      model.addAttribute("editing", true);
      model.addAttribute("errors", FormErrors.of(e));
      model.addAttribute("input", raw);
    } catch (ConflictException e) {
      response.setStatus(409);
      Deal fresh = deals.get(dealId);
      model.addAttribute("deal", view(fresh));
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
      case "value" -> deal.details().value().toPlainString();
      case "expectedCloseDate" -> Objects.toString(deal.details().expectedCloseDate(), "");
      default -> String.valueOf(deal.progress().probability());
    };
  }

  // ---- Trash --------------------------------------------------------------------------------

  @PostMapping("/deals/{id}/delete")
  String delete(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                @RequestHeader(name = "HX-Current-URL", required = false) @Nullable String currentUrl,
                Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    DealId dealId = DealApiController.id(id);
    Deal deal = deals.get(dealId);
    deals.delete(dealId);
    String message = deal.details().name() + " was moved to the trash.";
    if (htmx == null) {
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(message));
      return "redirect:/pipeline";
    }
    if (currentUrl != null && currentUrl.contains("/deals/")) {
      // Deleted from the deal's own page: nothing is left to show there.
      RequestContextUtils.getOutputFlashMap(request).put(Flash.ATTRIBUTE, Flash.ok(message));
      RequestContextUtils.saveOutputFlashMap("/pipeline", request, response);
      response.setHeader("HX-Redirect", request.getContextPath() + "/pipeline");
      return "deals/form :: closed";
    }
    changed(response, null);
    model.addAttribute("undoMessage", message);
    model.addAttribute("undoId", TenantContext.require().role().canAdminister() ? id : null);
    return "deals/board :: deleted";
  }

  /** Deleted deals of the last 30 days, for admins to restore. */
  @GetMapping("/pipeline/trash")
  String trash(Model model) {
    TenantContext.requireAdmin();
    var page = deals.list(new com.orbitcrm.deals.DealQuery(null, null, null, null, null, null, null,
        com.orbitcrm.deals.DealQuery.MAX_LIMIT, true));
    var now = java.time.Instant.now();
    List<Deal> restorable = page.items().stream().filter(d -> d.deletedAt() != null
        && d.deletedAt().plus(java.time.Duration.ofDays(Deal.TRASH_DAYS)).isAfter(now)).toList();
    var views = names(restorable, members.members());
    model.addAttribute("rows", restorable.stream().map(d -> new TrashRow(views.apply(d),
        java.time.LocalDateTime.ofInstant(d.deletedAt(), ZoneOffset.UTC),
        Math.max(0, Deal.TRASH_DAYS - java.time.Duration.between(d.deletedAt(), now).toDays()))).toList());
    return "deals/trash";
  }

  record TrashRow(DealView deal, java.time.LocalDateTime deletedAt, long daysLeft) {}

  @PostMapping("/deals/{id}/restore")
  String restore(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Deal deal = deals.restore(DealApiController.id(id));
    String message = deal.details().name() + " was restored.";
    if (htmx == null) {
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(message));
      return "redirect:/pipeline";
    }
    changed(response, message);
    model.addAttribute("undoMessage", null);
    return "deals/board :: deleted";
  }

  // ---- The client page's Deals section ------------------------------------------------------

  @GetMapping("/clients/{id}/deals")
  String clientDeals(@PathVariable String id, Model model) {
    ClientDealsSection.fill(deals, clients.get(clientId(id)).id(), model);
    return ClientDealsSection.TEMPLATE + " :: " + ClientDealsSection.FRAGMENT;
  }

  // ---- Helpers ------------------------------------------------------------------------------

  private ColumnView view(BoardColumn column, Filters filters, java.util.function.Function<Deal, DealView> names) {
    String more = column.nextAfter() == null ? null
        : "/pipeline/columns/" + column.stage().key() + filters.query("after", column.nextAfter().toPlainString());
    return new ColumnView(column.stage(), column.count(), ColumnView.totals(column.totals()),
        column.deals().stream().map(names).toList(), more);
  }

  private DealView view(Deal deal) {
    return names(List.of(deal), members.members()).apply(deal);
  }

  /** Turns deals into views, looking up their clients' names in one query. */
  private java.util.function.Function<Deal, DealView> names(List<Deal> page, List<Member> team) {
    Map<UserId, String> owners = new HashMap<>();
    team.forEach(m -> owners.put(m.user(), m.name()));
    Set<ClientId> ids = page.stream().map(d -> d.details().clientId()).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    Map<ClientId, String> clientNames = clients.names(ids);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return deal -> DealView.of(deal,
        deal.details().clientId() == null ? null : clientNames.get(deal.details().clientId()),
        deal.details().ownerId() == null ? null : owners.get(deal.details().ownerId()), today);
  }

  private static DealDraft draft(DealDraft base, MultiValueMap<String, String> params) {
    DealDraft draft = base;
    for (String field : DealDraft.FIELDS) {
      if (params.containsKey(field)) {
        draft = draft.with(field, params.getFirst(field));
      }
    }
    return draft;
  }

  private static @Nullable Integer probability(MultiValueMap<String, String> params) {
    String raw = params.getFirst("probability");
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value < 0 || value > 100) {
        throw InvalidInputException.of("probability", "must be between 0 and 100");
      }
      return value;
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("probability", "must be a whole number between 0 and 100");
    }
  }

  private static @Nullable Integer version(MultiValueMap<String, String> params) {
    String raw = params.getFirst("version");
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("version", "must be a whole number");
    }
  }

  private static @Nullable DealId optionalId(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return new DealId(UUID.fromString(raw.strip()));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("position", "is not a card of the board");
    }
  }

  private static ClientId clientId(String raw) {
    return new ClientId(Requests.id(raw.strip(), "Client"));
  }

  private static String text(MultiValueMap<String, String> params, String name, String fallback) {
    String v = params.getFirst(name);
    return v == null || v.isBlank() ? fallback : v.strip();
  }

  /** Tells the page that deals changed (the board and the client's Deals section reload), with a toast. */
  private static void changed(HttpServletResponse response, @Nullable String toast) {
    // After the swap has settled: a section the answer itself replaced (the deal's timeline) hears it too.
    response.setHeader("HX-Trigger-After-Settle", HxTrigger.event(CHANGED, toast));
  }
}
