package com.orbitcrm.clients.web;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.ClientPage;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.ClientSort;
import com.orbitcrm.clients.ClientStatus;
import com.orbitcrm.clients.app.ClientService;
import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.customfields.web.CustomFieldForms;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.RestoreWindow;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.EntitySection;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.platform.web.HxTrigger;
import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The clients pages: a searchable, filterable, sortable list that pages by keyset and adds clients
 * from a quick-add modal without a reload; a detail page edited in place; the trash.
 */
@Controller
class ClientPagesController {

  private final ClientService clients;
  private final MemberService members;
  private final CustomFieldService customFields;
  private final List<EntitySection> sections;
  private final Clock clock;

  ClientPagesController(ClientService clients, MemberService members, CustomFieldService customFields,
                        List<EntitySection> sections, Clock clock) {
    this.clients = clients;
    this.customFields = customFields;
    this.members = members;
    this.sections = sections.stream().filter(s -> s.appliesTo(Client.RECORD_TYPE))
        .sorted(java.util.Comparator.comparingInt(EntitySection::order)).toList();
    this.clock = clock;
  }

  /**
   * The list's filters as the page holds them (also its URL), from the request's parameters: custom-field filters
   * as the API takes them ({@code cf.<name>}, {@code cf.<name>.min/.max}; empty ones dropped).
   */
  record Filters(String search, String status, String ownerId, String state, String sort, Map<String, String> fields) {
    Filters {
      search = search == null ? "" : search.strip();
      status = status == null ? "" : status;
      ownerId = ownerId == null ? "" : ownerId;
      state = state == null ? "" : state.strip();
      sort = sort == null || sort.isBlank() ? "name" : sort.strip();
      Map<String, String> kept = new LinkedHashMap<>();
      (fields == null ? Map.<String, String>of() : fields).forEach((k, v) -> {
        if (k.startsWith("cf.") && v != null && !v.isBlank()) {
          kept.put(k, v.strip());
        }
      });
      fields = java.util.Collections.unmodifiableMap(kept);
    }

    static Filters of(Map<String, String> params) {
      return new Filters(params.get("search"), params.get("status"), params.get("ownerId"), params.get("state"),
          params.get("sort"), params);
    }

    String query(@Nullable String cursor) {
      var b = UriComponentsBuilder.newInstance();
      if (!search.isEmpty()) b.queryParam("search", search);
      if (!status.isEmpty()) b.queryParam("status", status);
      if (!ownerId.isEmpty()) b.queryParam("ownerId", ownerId);
      if (!state.isEmpty()) b.queryParam("state", state);
      fields.forEach(b::queryParam);
      if (!sort.isEmpty() && !sort.equals("name")) b.queryParam("sort", sort);
      if (cursor != null) b.queryParam("cursor", cursor);
      return b.build().encode().toUriString();
    }

    /** The sort a column header switches to: ascending first, then descending. */
    public String toggle(String column) {
      return sort.equals(column) ? "-" + column : column;
    }

    public String arrow(String column) {
      return sort.equals(column) ? "▲" : sort.equals("-" + column) ? "▼" : "";
    }

    /** For a column header's {@code aria-sort}. */
    public String ariaSort(String column) {
      return sort.equals(column) ? "ascending" : sort.equals("-" + column) ? "descending" : "none";
    }

    public String sortLink(String column) {
      return new Filters(search, status, ownerId, state, toggle(column), fields).query(null);
    }

    /** The value of a custom-field filter parameter, or "". */
    public String field(String param) {
      return fields.getOrDefault(param, "");
    }

    /** The list's filters and sort for its CSV export (no cursor: the export has every row). */
    public String exportQuery() {
      return query(null);
    }

    public boolean any() {
      return !search.isEmpty() || !status.isEmpty() || !ownerId.isEmpty() || !state.isEmpty() || !fields.isEmpty();
    }
  }

  @GetMapping("/clients")
  String list(@RequestParam Map<String, String> params, Model model) {
    Filters filters = Filters.of(params);
    String cursor = Requests.blank(params.get("cursor"));
    model.addAttribute("filters", filters);
    List<Member> team = members.members();
    List<FieldDefinition> definitions = customFields.definitions(Client.RECORD_TYPE);
    List<FieldDefinition> columns = customFields.columns(Client.RECORD_TYPE);
    try {
      ClientPage page = clients.list(ClientQueries.parse(filters.search(), filters.status(), null, filters.ownerId(),
          filters.state(), filters.sort(), null, cursor, false, name -> customFields.sortable(Client.RECORD_TYPE, name))
          .withFields(customFields.filters(Client.RECORD_TYPE, filters.fields())));
      var values = columns.isEmpty() ? Map.<java.util.UUID, Map<String, FieldValue>>of()
          : clients.customValues(page.items().stream().map(Client::id).toList());
      model.addAttribute("rows", rows(page.items(), team).stream()
          .map(r -> r.withColumns(CustomFieldForms.cells(columns,
              values.getOrDefault(java.util.UUID.fromString(r.id()), Map.of()))))
          .toList());
      model.addAttribute("next", page.next() == null ? null : "/clients" + filters.query(page.next().encode()));
      model.addAttribute("filterError", null);
    } catch (InvalidInputException e) {
      model.addAttribute("rows", List.of());
      model.addAttribute("next", null);
      model.addAttribute("filterError", e.getMessage());
    }
    model.addAttribute("columns", CustomFieldForms.columns(columns));
    model.addAttribute("columnChoices", CustomFieldForms.columnChoices(definitions, columns));
    model.addAttribute("fieldFilters", CustomFieldForms.filters(definitions, filters.fields()));
    model.addAttribute("team", team);
    model.addAttribute("statuses", ClientStatus.values());
    model.addAttribute("firstPage", cursor == null);
    model.addAttribute("workspaceEmpty", cursor == null && !filters.any()
        && ((List<?>) model.getAttribute("rows")).isEmpty());
    return "clients/list";
  }

  /** Live search, a filter or a sort: the table alone. */
  @HxRequest(target = "client-table")
  @GetMapping("/clients")
  String table(@RequestParam Map<String, String> params, Model model) {
    list(params, model);
    model.addAttribute("tableOnly", true);
    return "clients/list :: client-table";
  }

  /** "Load more": the next rows. */
  @HxRequest(target = "more-row")
  @GetMapping("/clients")
  String moreRows(@RequestParam Map<String, String> params, Model model) {
    list(params, model);
    return "clients/list :: client-page-rows";
  }

  /** "Columns": the custom fields the user shows in the list, remembered for them; the table again. */
  @HxRequest
  @PostMapping("/clients/columns")
  String chooseColumns(@RequestParam(name = "column", required = false) @Nullable List<String> chosen,
                       @RequestParam Map<String, String> params, Model model) {
    customFields.chooseColumns(Client.RECORD_TYPE, chosen == null ? List.of() : chosen);
    list(withoutColumnParams(params), model);
    model.addAttribute("tableOnly", true);
    return "clients/list :: client-table";
  }

  /** The same without script: back to the list with its filters. */
  @PostMapping("/clients/columns")
  String chooseColumnsAndReload(@RequestParam(name = "column", required = false) @Nullable List<String> chosen,
                                @RequestParam Map<String, String> params) {
    customFields.chooseColumns(Client.RECORD_TYPE, chosen == null ? List.of() : chosen);
    return "redirect:/clients" + Filters.of(withoutColumnParams(params)).query(null);
  }

  private static Map<String, String> withoutColumnParams(Map<String, String> params) {
    Map<String, String> rest = new LinkedHashMap<>(params);
    rest.remove("column");
    rest.remove("_csrf");
    rest.remove("cursor");
    return rest;
  }

  @GetMapping("/clients/new")
  String quickAdd(@RequestParam(defaultValue = "false") boolean fromEmpty, Model model) {
    TenantContext.requireWriter();
    model.addAttribute("fromEmpty", fromEmpty);
    var form = new ClientForm();
    form.setAccountOwnerId(TenantContext.require().user() == null ? "" : TenantContext.require().user().toString());
    return quickAddForm(model, form, Map.of(), null);
  }

  @PostMapping("/clients")
  String create(@ModelAttribute("form") ClientForm form, Model model, HtmxResponse htmx, HttpServletResponse response,
                HttpServletRequest request) {
    try {
      Client client = clients.create(form.toDraft(ClientDraft.empty(), false),
          CustomFieldForms.read(request, customFields.definitions(Client.RECORD_TYPE)), null);
      model.addAttribute("row", ClientRow.of(client, ownerName(client.details().accountOwnerId()))
          .withColumns(CustomFieldForms.cells(customFields.columns(Client.RECORD_TYPE),
              clients.customValues(List.of(client.id())).getOrDefault(client.id().value(), Map.of()))));
      HxTrigger.toast(htmx, client.details().name() + " was added.");
      if ("true".equals(request.getParameter("fromEmpty"))) {
        // Added from the empty state: there is no table to add the row to yet; the list replaces it.
        list(Map.of(), model);
        model.addAttribute("firstClient", true);
        model.addAttribute("oob", true);
      }
      return "clients/list :: client-created";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      model.addAttribute("fromEmpty", "true".equals(request.getParameter("fromEmpty")));
      return quickAddForm(model, form, FormErrors.of(e), request.getParameterMap());
    }
  }

  private String quickAddForm(Model model, ClientForm form, Map<String, String> errors,
                              @Nullable Map<String, String[]> submitted) {
    model.addAttribute("customInputs", CustomFieldForms.inputs(customFields.definitions(Client.RECORD_TYPE), Map.of(),
        submitted, errors, true, true));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("team", members.members());
    model.addAttribute("statuses", ClientStatus.values());
    return "clients/quick-add :: modal";
  }

  // ---- Detail -------------------------------------------------------------------------------

  @GetMapping("/clients/{id}")
  String detail(@PathVariable String id, Model model) {
    Client client = clients.get(ClientApiController.id(id));
    model.addAttribute("client", ClientRow.of(client, ownerName(client.details().accountOwnerId())));
    model.addAttribute("customValues", customValues(client));
    sections.forEach(section -> section.populate(client.ref(), model));
    model.addAttribute("sections", sections);
    return "clients/detail";
  }

  @GetMapping("/clients/{id}/edit")
  String edit(@PathVariable String id, Model model) {
    TenantContext.requireWriter();
    Client client = clients.get(ClientApiController.id(id));
    return editForm(model, ClientRow.of(client, null), ClientForm.of(client.details(), client.version()), Map.of(), null);
  }

  @GetMapping("/clients/{id}/card")
  String card(@PathVariable String id, Model model) {
    Client client = clients.get(ClientApiController.id(id));
    model.addAttribute("client", ClientRow.of(client, ownerName(client.details().accountOwnerId())));
    model.addAttribute("customValues", customValues(client));
    return "clients/detail :: client-card";
  }

  @PostMapping("/clients/{id}")
  String update(@PathVariable String id, @ModelAttribute("form") ClientForm form, Model model,
                HttpServletResponse response, HttpServletRequest request) {
    ClientId clientId = ClientApiController.id(id);
    try {
      Client client = clients.update(clientId, form.getVersion(), draft -> form.toDraft(draft, true),
          CustomFieldForms.read(request, customFields.definitions(Client.RECORD_TYPE)));
      model.addAttribute("client", ClientRow.of(client, ownerName(client.details().accountOwnerId())));
      model.addAttribute("customValues", customValues(client));
      model.addAttribute("saved", true);
      return "clients/detail :: client-saved";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return editForm(model, ClientRow.of(clients.get(clientId), null), form, FormErrors.of(e), request.getParameterMap());
    } catch (ConflictException e) {
      response.setStatus(409);
      Client fresh = clients.get(clientId);
      model.addAttribute("conflict", e.getMessage());
      form.setVersion(fresh.version());
      return editForm(model, ClientRow.of(fresh, null), form, Map.of(), null);
    }
  }

  private List<CustomFieldForms.Shown> customValues(Client client) {
    return CustomFieldForms.shown(customFields.definitions(Client.RECORD_TYPE),
        clients.customValues(List.of(client.id())).getOrDefault(client.id().value(), Map.of()));
  }

  private String editForm(Model model, ClientRow client, ClientForm form, Map<String, String> errors,
                          @Nullable Map<String, String[]> submitted) {
    ClientId id = ClientApiController.id(client.id());
    model.addAttribute("customInputs", CustomFieldForms.inputs(customFields.definitions(Client.RECORD_TYPE),
        clients.customValues(List.of(id)).getOrDefault(id.value(), Map.of()), submitted, errors, false, false));
    model.addAttribute("client", client);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("team", members.members());
    model.addAttribute("statuses", ClientStatus.values());
    return "clients/detail :: client-edit";
  }

  @PostMapping("/clients/{id}/delete")
  String delete(@PathVariable String id, RedirectAttributes redirect) {
    String name = clients.delete(ClientApiController.id(id)).details().name();
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(name + " was moved to the trash."));
    redirect.addFlashAttribute("undo", TenantContext.require().role().canAdminister() ? id : null);
    return "redirect:/clients";
  }

  // ---- Trash --------------------------------------------------------------------------------

  /** Trashed clients whose restore window is still open (the housekeeping purges the others; no GET does). */
  @GetMapping("/clients/trash")
  String trash(Model model) {
    TenantContext.requireAdmin();
    var page = clients.list(new ClientQuery(null, null, null, null, null, ClientSort.NAME, null,
        ClientQuery.MAX_LIMIT, true));
    var now = clock.instant();
    List<Client> restorable = page.items().stream().filter(c -> c.restorableAt(now)).toList();
    var rows = rows(restorable, members.members());
    model.addAttribute("rows", java.util.stream.IntStream.range(0, rows.size())
        .mapToObj(i -> new TrashRow(rows.get(i), RestoreWindow.TRASH.daysLeft(restorable.get(i).deletedAt(), now)))
        .toList());
    model.addAttribute("trashDays", RestoreWindow.TRASH.days());
    return "clients/trash";
  }

  record TrashRow(ClientRow client, long daysLeft) {}

  @PostMapping("/clients/{id}/restore")
  String restore(@PathVariable String id, RedirectAttributes redirect) {
    Client client = clients.restore(ClientApiController.id(id));
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(client.details().name() + " was restored."));
    return "redirect:/clients/" + id;
  }

  // ---- Helpers ------------------------------------------------------------------------------

  private @Nullable String ownerName(@Nullable UserId owner) {
    if (owner == null) {
      return null;
    }
    return members.members().stream().filter(m -> m.user().equals(owner)).map(Member::name).findFirst().orElse(null);
  }

  private static List<ClientRow> rows(List<Client> page, List<Member> team) {
    Map<UserId, String> names = team.stream()
        .collect(Collectors.toMap(Member::user, Member::name, (a, b) -> a, LinkedHashMap::new));
    return page.stream()
        .map(c -> ClientRow.of(c, c.details().accountOwnerId() == null ? null : names.get(c.details().accountOwnerId())))
        .toList();
  }
}
