package com.orbitcrm.deals.web;

import static com.orbitcrm.platform.web.Requests.blank;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.ClientSort;
import com.orbitcrm.clients.app.ClientService;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.app.PipelineService;
import com.orbitcrm.deals.port.Pipelines.Stored;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.customfields.web.CustomFieldForms;
import com.orbitcrm.deals.app.DealCommands.CreateDeal;
import com.orbitcrm.deals.app.DealCommands.EditDeal;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.app.MemberService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The deal form: a new deal in a modal, a deal edited in its modal or page, the client picker. */
@Controller
class DealFormController {

  private final DealService deals;
  private final ClientService clients;
  private final MemberService members;
  private final DealViews views;
  private final DealPanel panel;
  private final CustomFieldService customFields;
  private final PipelineService pipelines;

  DealFormController(DealService deals, ClientService clients, MemberService members, DealViews views,
                     DealPanel panel, CustomFieldService customFields, PipelineService pipelines) {
    this.customFields = customFields;
    this.pipelines = pipelines;
    this.deals = deals;
    this.clients = clients;
    this.members = members;
    this.views = views;
    this.panel = panel;
  }

  @GetMapping("/deals/new")
  String newDeal(@RequestParam(required = false) @Nullable String clientId,
                 @RequestParam(required = false) @Nullable String stage,
                 @RequestParam(required = false) @Nullable String pipeline, Model model) {
    var scope = TenantContext.requireWriter();
    PipelineId on = pipelineId(pipeline);
    var shown = deals.pipeline(on);
    var form = new LinkedHashMap<String, String>();
    form.put("currency", DealDetails.DEFAULT_CURRENCY);
    form.put("ownerId", scope.user() == null ? "" : scope.user().toString());
    form.put("stage", stage != null && shown.stage(stage).filter(Stage::open).isPresent()
        ? stage : shown.first().key());
    form.put("pipelineId", shown.id().toString());
    if (clientId != null && !clientId.isBlank()) {
      form.put("clientId", clients.get(DealViews.clientId(clientId)).id().toString());
    }
    custom(model, null, null, Map.of());
    return form(model, form, Map.of(), null, null);
  }

  @PostMapping("/deals")
  String create(@ModelAttribute DealForm form, Model model, HtmxResponse htmx, HttpServletResponse response,
                HttpServletRequest request) {
    try {
      Deal deal = deals.create(CreateDeal.of(form.apply(DealDraft.empty()))
          .inStage(blank(form.stage()), form.lostReason()).withProbability(form.probabilityValue())
 .withCustomFields(CustomFieldForms.read(request, customFields.definitions(Deal.RECORD_TYPE)))
          .onPipeline(pipelineId(request.getParameter("pipelineId"))));
      DealPanel.changed(htmx, deal.details().name() + " was added to " + deal.progress().stage().label()
          + ".");
      return "deals/form :: closed";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      custom(model, null, request.getParameterMap(), FormErrors.of(e));
      var values = new LinkedHashMap<>(form.values());
      values.put("pipelineId", Objects.requireNonNullElse(request.getParameter("pipelineId"), ""));
      return form(model, values, FormErrors.of(e), null, null);
    }
  }

  @GetMapping("/deals/{id}/edit")
  String edit(@PathVariable String id, Model model) {
    TenantContext.requireWriter();
    Deal deal = deals.get(DealViews.id(id));
    custom(model, deal, null, Map.of());
    return form(model, DealForm.of(deal), Map.of(), views.of(deal), null);
  }

  /** Edit, opened from the board's card menu: in a modal of its own. */
  @HxRequest(target = "modal")
  @GetMapping("/deals/{id}/edit")
  String editInModal(@PathVariable String id, Model model) {
    edit(id, model);
    return "deals/form :: edit-modal";
  }

  @PostMapping("/deals/{id}")
  String update(@PathVariable String id, @ModelAttribute DealForm form, Model model, HtmxResponse htmx,
                HttpServletResponse response, HttpServletRequest request) {
    var dealId = DealViews.id(id);
    try {
      EditDeal edit = EditDeal.of(dealId, form.versionValue(), form::apply)
          .withProbability(form.probabilityValue())
          .withCustomFields(CustomFieldForms.read(request, customFields.definitions(Deal.RECORD_TYPE)));
      String move = blank(request.getParameter("movePipeline"));
      if (move != null) {
        // "<pipeline id>:<stage key>": a stage of another pipeline, chosen in the form.
        int colon = move.indexOf(':');
        if (colon < 0) {
          throw InvalidInputException.of("pipelineId", "is not a pipeline of this workspace");
        }
        edit = edit.onPipeline(pipelineId(move.substring(0, colon))).movingTo(move.substring(colon + 1), null);
      }
      Deal deal = deals.update(edit);
      DealPanel.changed(htmx, null);
      model.addAttribute("saved", true);
      return panel.render(model, deal);
    } catch (InvalidInputException e) {
      response.setStatus(422);
      Deal current = deals.get(dealId);
      custom(model, current, request.getParameterMap(), FormErrors.of(e));
      var values = new LinkedHashMap<>(form.values());
      values.put("movePipeline", Objects.requireNonNullElse(request.getParameter("movePipeline"), ""));
      return form(model, values, FormErrors.of(e), views.of(current), null);
    } catch (ConflictException e) {
      response.setStatus(409);
      Deal fresh = deals.get(dealId);
      var values = new LinkedHashMap<>(form.values());
      values.put("version", String.valueOf(fresh.version()));
      custom(model, fresh, request.getParameterMap(), Map.of());
      return form(model, values, Map.of(), views.of(fresh), e.getMessage());
    }
  }

  /** The custom fields' inputs: a new deal's with their defaults, an edited one's with its values. */
  private void custom(Model model, @Nullable Deal deal, @Nullable Map<String, String[]> submitted,
                      Map<String, String> errors) {
    var values = deal == null ? Map.<String, com.orbitcrm.customfields.FieldValue>of()
        : deals.customValues(List.of(deal.id())).getOrDefault(deal.id().value(), Map.of());
    model.addAttribute("customInputs", CustomFieldForms.inputs(customFields.definitions(Deal.RECORD_TYPE), values,
        submitted, errors, false, deal == null));
  }

  private String form(Model model, Map<String, String> form, Map<String, String> errors, @Nullable DealView deal,
                      @Nullable String conflict) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("deal", deal);
    model.addAttribute("conflict", conflict);
    model.addAttribute("team", members.members());
    String on = form.getOrDefault("pipelineId", "");
    var shown = deals.pipeline(deal != null ? deal.deal().pipeline() : pipelineId(on));
    model.addAttribute("stages", shown.stages());
    model.addAttribute("currentPipeline", shown.name());
    model.addAttribute("otherPipelines", deal == null ? List.of() : pipelines.list().stream().map(Stored::pipeline)
        .filter(p -> !p.id().equals(shown.id())).toList());
    model.addAttribute("clientOptions", clientOptions("", form.getOrDefault("clientId", "")));
    return deal == null ? "deals/form :: create" : "deals/form :: edit";
  }

  /** The client picker's options: clients whose words start with {@code clientSearch}, and the chosen one. */
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
        ClientId id = DealViews.clientId(chosen);
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

  /** A pipeline id from a form or a link; blank is the default pipeline, a malformed one is a 404. */
  private static @Nullable PipelineId pipelineId(@Nullable String raw) {
    return raw == null || raw.isBlank() ? null : PipelineApiController.id(raw.strip());
  }
}
