package com.orbitcrm.deals.web;

import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.EntryRequirements;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineDraft;
import com.orbitcrm.deals.PipelineDraft.StageDraft;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.app.PipelineService;
import com.orbitcrm.deals.port.Pipelines.Stored;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Pipelines: the list (create, reorder with ↑/↓, make default, archive) and one pipeline's
 * stages (label, colour, probability, kind, the fields required to enter, ↑/↓, remove with where its deals
 * go, add). Plain forms: every change works without script and from the keyboard.
 */
@Controller
class PipelineSettingsController {

  /** A stage row as the form holds it (also the row of a stage being added). */
  record StageRow(String key, String label, String color, String probability, String kind, List<String> required,
                  boolean remove, String moveTo, long deals) {}

  private final PipelineService pipelines;
  private final CustomFieldService customFields;

  PipelineSettingsController(PipelineService pipelines, CustomFieldService customFields) {
    this.pipelines = pipelines;
    this.customFields = customFields;
  }

  @GetMapping("/settings/pipelines")
  String list(Model model) {
    return renderList(model, "", Map.of());
  }

  @PostMapping("/settings/pipelines")
  String create(@RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
    try {
      // A new pipeline starts with one open stage, a won and a lost one; the admin shapes it next.
      var created = pipelines.create(new PipelineDraft(name, List.of(
          new StageDraft(null, "New", "#64748b", 10, "open", List.of()),
          new StageDraft(null, "Won", "#10b981", 100, "won", List.of()),
          new StageDraft(null, "Lost", "#ef4444", 0, "lost", List.of()))));
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(created.pipeline().name() + " was created: add its stages."));
      return "redirect:/settings/pipelines/" + created.pipeline().id();
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return renderList(model, name, FormErrors.of(e));
    }
  }

  @PostMapping("/settings/pipelines/{id}/move")
  String move(@PathVariable String id, @RequestParam("direction") String direction) {
    pipelines.move(PipelineApiController.id(id), "up".equals(direction) ? -1 : 1);
    return "redirect:/settings/pipelines";
  }

  @PostMapping("/settings/pipelines/{id}/default")
  String makeDefault(@PathVariable String id, RedirectAttributes redirect) {
    var saved = pipelines.makeDefault(PipelineApiController.id(id));
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(saved.pipeline().name() + " is the default pipeline now."));
    return "redirect:/settings/pipelines";
  }

  @PostMapping("/settings/pipelines/{id}/archive")
  String archive(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    var current = pipelines.get(PipelineApiController.id(id));
    try {
      pipelines.archive(current.pipeline().id());
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(current.pipeline().name() + " was archived."));
      return "redirect:/settings/pipelines";
    } catch (InvalidInputException e) {
      response.setStatus(422);
      model.addAttribute("archiveError", e.violations().getFirst().message());
      return renderList(model, "", Map.of());
    }
  }

  @GetMapping("/settings/pipelines/{id}")
  String edit(@PathVariable String id, Model model) {
    Stored stored = pipelines.get(PipelineApiController.id(id));
    var counts = pipelines.counts(stored.pipeline().id());
    List<StageRow> rows = new ArrayList<>();
    stored.pipeline().stages().forEach(s -> rows.add(new StageRow(s.key(), s.label(), s.color(),
        String.valueOf(s.defaultProbability().percent()), s.kind().key(), s.requirements().fields(), false, "",
        counts.getOrDefault(s.key(), 0L))));
    return renderEdit(model, stored, stored.pipeline().name(), rows, Map.of(), null);
  }

  /**
   * Saves the pipeline as the form holds it. {@code action} "up:2" / "down:2" moves that stage first (the
   * ↑/↓ buttons, which save like Save does); a filled "new stage" row adds a stage.
   */
  @PostMapping("/settings/pipelines/{id}")
  String save(@PathVariable String id, @RequestParam(defaultValue = "") String name,
              @RequestParam(defaultValue = "") String action, @RequestParam(required = false) @Nullable String version,
              HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    TenantContext.requireAdmin();
    Stored stored = pipelines.get(PipelineApiController.id(id));
    var counts = pipelines.counts(stored.pipeline().id());
    List<StageRow> rows = rows(request, counts);
    if (action.matches("(up|down):\\d{1,3}")) {
      int at = Integer.parseInt(action.substring(action.indexOf(':') + 1));
      int to = action.startsWith("up") ? at - 1 : at + 1;
      if (at < rows.size() && to >= 0 && to < rows.size()) {
        rows.add(to, rows.remove(at));
      }
    }
    var kept = rows.stream().filter(r -> !r.remove()).toList();
    var draft = new PipelineDraft(name, kept.stream().map(r -> new StageDraft(r.key().isBlank() ? null : r.key(),
        r.label(), r.color(), probability(r.probability()), r.kind(), r.required())).toList());
    var moveTo = new LinkedHashMap<String, String>();
    rows.stream().filter(r -> r.remove() && !r.moveTo().isBlank()).forEach(r -> moveTo.put(r.key(), r.moveTo()));
    try {
      var saved = pipelines.update(stored.pipeline().id(), Requests.version(version), draft, moveTo);
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(saved.pipeline().name() + " was saved."));
      return "redirect:/settings/pipelines/" + saved.pipeline().id();
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return renderEdit(model, stored, name, rows, FormErrors.of(e), null);
    } catch (ConflictException e) {
      response.setStatus(409);
      return renderEdit(model, stored, name, rows, Map.of(), e.getMessage());
    }
  }

  /** The stage rows the form sent ({@code stages[i].label}, …), in order; a blank new row is left out. */
  private static List<StageRow> rows(HttpServletRequest request, Map<String, Long> counts) {
    var rows = new ArrayList<StageRow>();
    for (int i = 0; i < 60; i++) {
      String at = "stages[" + i + "].";
      String label = request.getParameter(at + "label");
      if (label == null) {
        continue;
      }
      String key = value(request, at + "key");
      if (key.isEmpty() && label.isBlank()) {
        continue;
      }
      String[] required = request.getParameterValues(at + "required");
      rows.add(new StageRow(key, label, value(request, at + "color"), value(request, at + "probability"),
          value(request, at + "kind"), required == null ? List.of() : List.of(required),
          request.getParameter(at + "remove") != null, value(request, at + "moveTo"), counts.getOrDefault(key, 0L)));
    }
    return rows;
  }

  private static String value(HttpServletRequest request, String name) {
    String v = request.getParameter(name);
    return v == null ? "" : v.strip();
  }

  private static @Nullable Integer probability(String raw) {
    if (raw.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private String renderList(Model model, String name, Map<String, String> errors) {
    model.addAttribute("pipelines", pipelines.list());
    model.addAttribute("name", name);
    model.addAttribute("errors", errors);
    model.addAttribute("tab", "pipelines");
    return "deals/settings-pipelines";
  }

  private String renderEdit(Model model, Stored stored, String name, List<StageRow> rows, Map<String, String> errors,
                            @Nullable String conflict) {
    Pipeline p = stored.pipeline();
    model.addAttribute("stored", stored);
    model.addAttribute("name", name);
    model.addAttribute("rows", rows);
    model.addAttribute("errors", errors);
    model.addAttribute("conflict", conflict);
    var fields = new LinkedHashMap<String, String>();
    fields.put(EntryRequirements.VALUE, "Value");
    fields.put(EntryRequirements.EXPECTED_CLOSE_DATE, "Expected close date");
    fields.put(EntryRequirements.CONTACT_EMAIL, "Contact e-mail");
    for (FieldDefinition d : customFields.definitions(Deal.RECORD_TYPE)) {
      fields.put(EntryRequirements.CUSTOM + d.fieldName(), d.fieldLabel());
    }
    model.addAttribute("requirable", fields);
    model.addAttribute("kinds", List.of("open", "won", "lost"));
    model.addAttribute("keys", p.stages());
    model.addAttribute("tab", "pipelines");
    return "deals/settings-pipeline";
  }
}
