package com.orbitcrm.imports.web;

import static com.orbitcrm.platform.web.Requests.id;

import com.orbitcrm.imports.ColumnMapping;
import com.orbitcrm.imports.Dedupe;
import com.orbitcrm.imports.ImportJob;
import com.orbitcrm.imports.ImportKind;
import com.orbitcrm.imports.ImportSettings;
import com.orbitcrm.imports.ImportStatus;
import com.orbitcrm.imports.ValueMapping;
import com.orbitcrm.imports.app.ImportService;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.FormErrors;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages: the history ({@code /imports}), the upload ({@code /imports/new}), the mapping with its
 * preview ({@code /imports/{id}/mapping}) and the job's page with its live progress ({@code /imports/{id}},
 * polled by htmx every second while it runs), the refused rows' download and undo.
 */
@Controller
class ImportPagesController {

  private final ImportService imports;
  private final DealService deals;
  private final Clock clock;

  ImportPagesController(ImportService imports, DealService deals, Clock clock) {
    this.imports = imports;
    this.deals = deals;
    this.clock = clock;
  }

  /** A job as the pages show it. */
  record JobView(ImportJob job, long rowsPerSecond, @Nullable Long secondsLeft, boolean undoable, int percent) {
    static JobView of(ImportJob j, java.time.Instant now) {
      var left = j.secondsLeft(now);
      return new JobView(j, Math.round(j.rowsPerSecond(now)), left.isPresent() ? left.getAsLong() : null,
          j.undoableAt(now), j.percent());
    }

    public boolean running() {
      return !job.status().finished() && job.status() != ImportStatus.DRAFT;
    }
  }

  @GetMapping("/imports")
  String history(Model model) {
    var now = clock.instant();
    model.addAttribute("rows", imports.latest(50).stream().map(j -> JobView.of(j, now)).toList());
    return "imports/list";
  }

  @GetMapping("/imports/new")
  String upload(@RequestParam(required = false, defaultValue = "clients") String entity, Model model) {
    model.addAttribute("entity", ImportKind.fromKey(entity).orElse(ImportKind.CLIENTS).key());
    model.addAttribute("errors", Map.of());
    return "imports/new";
  }

  @PostMapping("/imports")
  String uploaded(@RequestParam(required = false) @Nullable MultipartFile file,
                  @RequestParam(required = false) @Nullable String entity, Model model) {
    try {
      if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
          || file.getOriginalFilename().isBlank())) {
        throw InvalidInputException.of("file", "choose a CSV file to upload");
      }
      ImportJob job = imports.upload(entity, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
          file.getBytes(), ImportSettings.DEFAULTS, false, false);
      return "redirect:/imports/" + job.id() + "/mapping";
    } catch (InvalidInputException e) {
      model.addAttribute("entity", entity == null ? "clients" : entity);
      model.addAttribute("errors", FormErrors.of(e));
      return "imports/new";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One column on the mapping page: its header, a few of its values, the field it fills. */
  record Column(int index, String header, List<String> samples, String target) {}

  @GetMapping("/imports/{id}/mapping")
  String mapping(@PathVariable String id, Model model) {
    ImportJob job = imports.get(id(id, "Import"));
    if (!job.canQueue()) {
      return "redirect:/imports/" + job.id();
    }
    return mappingPage(job, job.settings(), Map.of(), model);
  }

  private String mappingPage(ImportJob job, ImportSettings settings, Map<String, String> errors, Model model) {
    List<String> headers = imports.headers(job);
    ColumnMapping mapping;
    try {
      mapping = imports.mapping(job, settings);
    } catch (InvalidInputException e) {
      mapping = imports.mapping(job, ImportSettings.DEFAULTS.withMapping(Map.of()));
    }
    var samples = imports.samples(job.id(), 3);
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      List<String> values = new ArrayList<>();
      for (List<String> row : samples) {
        if (i < row.size() && !row.get(i).isBlank()) {
          values.add(row.get(i).length() > 40 ? row.get(i).substring(0, 40) + "…" : row.get(i));
        }
      }
      String chosen = settings.mapping().get(headers.get(i));
      columns.add(new Column(i, headers.get(i), values, chosen != null ? chosen : mapping.targets().get(i)));
    }
    Map<String, String> targets = new LinkedHashMap<>();
    job.kind().fields().forEach(f -> targets.put(f, f));
    imports.customFields(job.kind()).forEach((name, label) -> targets.put(ImportKind.CUSTOM_PREFIX + name,
        label + " (custom field)"));
    model.addAttribute("job", job);
    model.addAttribute("settings", settings);
    model.addAttribute("columns", columns);
    model.addAttribute("targets", targets);
    model.addAttribute("errors", errors);
    if (job.kind() == ImportKind.DEALS) {
      model.addAttribute("stages", deals.pipeline().stages());
    }
    return "imports/mapping";
  }

  /** The choices as the mapping form sends them: {@code col<i>} per column, and the options. */
  private ImportSettings settings(ImportJob job, Map<String, String> params) {
    List<String> headers = imports.headers(job);
    Map<String, String> mapping = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String target = params.get("col" + i);
      if (target != null) {
        mapping.put(headers.get(i), target.isBlank() ? "ignore" : target);
      }
    }
    Dedupe dedupe = Dedupe.By.fromKey(params.getOrDefault("dedupe", "none"))
        .filter(b -> b != Dedupe.By.NONE)
        .map(b -> new Dedupe(b, Dedupe.OnMatch.fromKey(params.getOrDefault("onMatch", "update"))
            .orElse(Dedupe.OnMatch.UPDATE)))
        .orElse(Dedupe.NONE);
    String other = params.get("otherStage");
    return new ImportSettings(mapping, new ValueMapping(Map.of(), other == null || other.isBlank() ? null : other,
        Map.of()), dedupe, ImportChoices.flag(params.get("createClients")),
        ImportChoices.flag(params.get("allOrNothing")));
  }

  @HxRequest
  @PostMapping("/imports/{id}/preview")
  String preview(@PathVariable String id, @RequestParam Map<String, String> params, Model model) {
    ImportJob job = imports.get(id(id, "Import"));
    ImportSettings settings = settings(job, params);
    try {
      model.addAttribute("preview", imports.preview(job.id(), settings));
      model.addAttribute("mapping", imports.mapping(job, settings));
      model.addAttribute("errors", Map.of());
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e));
    }
    return "imports/mapping :: preview";
  }

  @PostMapping("/imports/{id}/start")
  String start(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
               RedirectAttributes redirect) {
    ImportJob job = imports.get(id(id, "Import"));
    ImportSettings settings = settings(job, params);
    try {
      imports.queue(job.id(), settings, "dryRun".equals(params.get("action")));
      return "redirect:/imports/" + job.id();
    } catch (InvalidInputException e) {
      return mappingPage(job, settings, FormErrors.of(e), model);
    }
  }

  @GetMapping("/imports/{id}")
  String job(@PathVariable String id, Model model) {
    ImportJob job = imports.get(id(id, "Import"));
    if (job.status() == ImportStatus.DRAFT) {
      return "redirect:/imports/" + job.id() + "/mapping";
    }
    model.addAttribute("v", JobView.of(job, clock.instant()));
    model.addAttribute("rejects", job.rejected() == 0 ? List.of() : imports.rejects(job.id(), 20));
    return "imports/job";
  }

  @HxRequest
  @GetMapping("/imports/{id}")
  String progress(@PathVariable String id, Model model) {
    ImportJob job = imports.get(id(id, "Import"));
    model.addAttribute("v", JobView.of(job, clock.instant()));
    model.addAttribute("rejects", job.rejected() == 0 || !job.status().finished() ? List.of()
        : imports.rejects(job.id(), 20));
    return "imports/job :: progress";
  }

  @PostMapping("/imports/{id}/undo")
  String undo(@PathVariable String id, RedirectAttributes redirect) {
    try {
      ImportJob job = imports.undo(id(id, "Import"));
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok("The import of " + job.fileName() + " was undone: "
          + job.created() + " created records are in the trash" + (job.updated() > 0 ? ", " + job.updated()
          + " updated ones have their old values back." : ".")));
      return "redirect:/imports/" + job.id();
    } catch (ConflictException e) {
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.error(e.getMessage()));
      return "redirect:/imports/" + id;
    }
  }
}
