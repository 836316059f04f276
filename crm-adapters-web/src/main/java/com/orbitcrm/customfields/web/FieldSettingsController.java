package com.orbitcrm.customfields.web;

import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.FieldDraft;
import com.orbitcrm.customfields.FieldId;
import com.orbitcrm.customfields.FieldOption;
import com.orbitcrm.customfields.FieldType;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.platform.RestoreWindow;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.FormErrors;
import com.orbitcrm.platform.web.Requests;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Fields: a record type's custom fields grouped by section, a form to add or edit one (options one per
 * line, with a colour), up/down buttons to reorder (plain forms: keyboard and no-script friendly) and delete
 * with confirmation. Everyone sees the list; admins and owners change it.
 */
@Controller
class FieldSettingsController {

  private final CustomFieldService fields;

  FieldSettingsController(CustomFieldService fields) {
    this.fields = fields;
  }

  /** The form as typed. {@code options}: one per line, {@code Label}, {@code Label | colour} or {@code value = Label | colour}. */
  record FieldForm(@Nullable String fieldLabel, @Nullable String fieldName, @Nullable String fieldType,
                   @Nullable String options, @Nullable String isRequired, @Nullable String defaultValue,
                   @Nullable String section, @Nullable String isVisible, @Nullable String displayOrder,
                   @Nullable String version) {

    static FieldForm empty() {
      return new FieldForm("", "", "text", "", null, "", "", "on", null, null);
    }

    static FieldForm of(FieldDefinition d) {
      var draft = FieldDraft.of(d);
      return new FieldForm(d.fieldLabel(), d.fieldName(), d.fieldType().key(), optionLines(d.options()),
          d.required() ? "on" : null, draft.defaultValue() == null ? "" : draft.defaultValue(),
          d.section() == null ? "" : d.section(), d.visible() ? "on" : null, String.valueOf(d.displayOrder()),
          String.valueOf(d.version()));
    }

    static String optionLines(List<FieldOption> options) {
      return String.join("\n", options.stream().map(o -> o.value() + " = " + o.label() + " | " + o.color()).toList());
    }

    FieldDraft draft(int order) {
      return new FieldDraft(fieldLabel, fieldName, fieldType, parseOptions(options), "on".equals(isRequired) || "true".equals(isRequired),
          defaultValue, order, "on".equals(isVisible) || "true".equals(isVisible), section);
    }

    static List<FieldDraft.Option> parseOptions(@Nullable String text) {
      if (text == null || text.isBlank()) {
        return List.of();
      }
      List<FieldDraft.Option> out = new ArrayList<>();
      for (String line : text.split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        String rest = line;
        String color = null;
        int bar = rest.lastIndexOf('|');
        if (bar >= 0) {
          color = rest.substring(bar + 1).strip().toLowerCase(java.util.Locale.ROOT);
          rest = rest.substring(0, bar);
        }
        String value = null;
        int eq = rest.indexOf('=');
        if (eq >= 0) {
          value = rest.substring(0, eq).strip();
          rest = rest.substring(eq + 1);
        }
        out.add(new FieldDraft.Option(value, rest.strip(), color));
      }
      return out;
    }
  }

  @GetMapping("/settings/fields")
  String page(@RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String edit,
              Model model) {
    RecordType recordType = type(type);
    FieldDefinition editing = edit == null ? null : fields.get(new FieldId(Requests.id(edit, "Custom field")));
    if (editing != null && !editing.entityType().equals(recordType)) {
      recordType = editing.entityType();
    }
    return render(model, recordType, editing, editing == null ? FieldForm.empty() : FieldForm.of(editing), Map.of());
  }

  @PostMapping("/settings/fields")
  String create(@RequestParam(required = false) @Nullable String type, @ModelAttribute FieldForm form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
    RecordType recordType = type(type);
    int order = fields.definitions(recordType).stream().mapToInt(FieldDefinition::displayOrder).max().orElse(0) + 10;
    try {
      var created = fields.create(recordType, form.draft(order));
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(created.fieldLabel() + " was added."));
      return "redirect:/settings/fields?type=" + recordType.key();
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return render(model, recordType, null, form, FormErrors.of(e));
    }
  }

  @PostMapping("/settings/fields/{id}")
  String update(@PathVariable String id, @ModelAttribute FieldForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect,
                @RequestParam(required = false, defaultValue = "false") boolean clearRemovedOptions) {
    FieldDefinition current = fields.get(id(id));
    try {
      var saved = fields.update(current.id(), Requests.version(form.version()), form.draft(current.displayOrder()),
          clearRemovedOptions);
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(saved.fieldLabel() + " was saved."));
      return "redirect:/settings/fields?type=" + saved.entityType().key();
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return render(model, current.entityType(), current, form, FormErrors.of(e));
    } catch (ConflictException e) {
      response.setStatus(409);
      return render(model, current.entityType(), current, form, FormErrors.of("fieldLabel", e.getMessage()));
    }
  }

  /** The workspace's default phone region for phone fields (admins). */
  @PostMapping("/settings/fields/phone-region")
  String phoneRegion(@RequestParam(required = false) @Nullable String phoneRegion,
                     @RequestParam(required = false) @Nullable String type, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
    try {
      String region = fields.changePhoneRegion(phoneRegion);
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok("Phone numbers without a country code are now read as "
          + region + "."));
      return "redirect:/settings/fields?type=" + type(type).key();
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return render(model, type(type), null, FieldForm.empty(), FormErrors.of(e));
    }
  }

  /** The live preview of the field being added or edited: its input as record forms will show it. Saves nothing. */
  @io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest
  @PostMapping("/settings/fields/preview")
  String preview(@RequestParam(required = false) @Nullable String type, @ModelAttribute FieldForm form, Model model) {
    List<CustomFieldForms.Group> groups = List.of();
    String problem = null;
    try {
      var field = fields.preview(type(type), form.draft(0));
      groups = CustomFieldForms.inputs(List.of(field), Map.of(), null, Map.of(), false, true);
    } catch (InvalidInputException e) {
      problem = blankLabel(form) ? null : e.getMessage();
    }
    model.addAttribute("previewGroups", groups);
    model.addAttribute("previewError", problem);
    return "customfields/settings-fields :: preview";
  }

  private static boolean blankLabel(FieldForm form) {
    return form.fieldLabel() == null || form.fieldLabel().isBlank();
  }

  /** A drag and drop: every field of the type in its new order (the page then reloads). */
  @PostMapping("/settings/fields/order")
  @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
  void order(@RequestParam(required = false) @Nullable String type,
             @RequestParam(name = "id", required = false) @Nullable List<String> ids) {
    fields.reorder(type(type), (ids == null ? List.<String>of() : ids).stream()
        .map(raw -> new FieldId(Requests.id(raw, "Custom field"))).toList());
  }

  @PostMapping("/settings/fields/{id}/move")
  String move(@PathVariable String id, @RequestParam("direction") String direction) {
    FieldDefinition current = fields.get(id(id));
    fields.move(current.id(), "up".equals(direction) ? -1 : 1);
    return "redirect:/settings/fields?type=" + current.entityType().key() + "#field-" + current.fieldName();
  }

  @PostMapping("/settings/fields/{id}/delete")
  String delete(@PathVariable String id, RedirectAttributes redirect) {
    FieldDefinition current = fields.get(id(id));
    fields.delete(current.id());
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(current.fieldLabel() + " and its values were moved to the trash"
        + " (restorable for " + RestoreWindow.TRASH.days() + " days)."));
    return "redirect:/settings/fields?type=" + current.entityType().key();
  }

  @PostMapping("/settings/fields/{id}/restore")
  String restore(@PathVariable String id, RedirectAttributes redirect) {
    FieldDefinition restored = fields.restore(id(id));
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(restored.fieldLabel() + " and its values were restored."));
    return "redirect:/settings/fields?type=" + restored.entityType().key() + "#field-" + restored.fieldName();
  }

  // ---- Helpers ------------------------------------------------------------------------------

  private static FieldId id(String raw) {
    return new FieldId(Requests.id(raw, "Custom field"));
  }

  private static RecordType type(@Nullable String raw) {
    return raw == null || raw.isBlank() ? new RecordType("client") : CustomFieldService.recordType(raw.strip(), "type");
  }

  /** A section's fields, in display order. */
  record Section(String name, List<FieldDefinition> fields) {}

  private String render(Model model, RecordType type, @Nullable FieldDefinition editing, FieldForm form,
                        Map<String, String> errors) {
    List<FieldDefinition> all = fields.definitions(type);
    Map<String, List<FieldDefinition>> bySection = new LinkedHashMap<>();
    for (FieldDefinition d : all) {
      bySection.computeIfAbsent(Objects.requireNonNullElse(d.section(), ""), k -> new ArrayList<>()).add(d);
    }
    model.addAttribute("type", type.key());
    model.addAttribute("sections", bySection.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue())).toList());
    model.addAttribute("first", all.isEmpty() ? null : all.getFirst().id());
    model.addAttribute("last", all.isEmpty() ? null : all.getLast().id());
    model.addAttribute("count", all.size());
    model.addAttribute("editing", editing);
    model.addAttribute("form", form);
    model.addAttribute("types", Arrays.stream(FieldType.values()).map(FieldType::key).toList());
    model.addAttribute("colors", FieldOption.COLORS.stream().sorted().toList());
    model.addAttribute("errors", errors);
    model.addAttribute("phoneRegion", fields.phoneRegion());
    model.addAttribute("trashed", TenantContext.require().role().canAdminister() ? fields.trashed(type) : List.of());
    model.addAttribute("phoneRegions", fields.phoneRegions());
    model.addAttribute("tab", "fields");
    return "customfields/settings-fields";
  }
}
