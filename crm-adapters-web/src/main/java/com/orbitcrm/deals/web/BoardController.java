package com.orbitcrm.deals.web;

import com.orbitcrm.deals.BoardColumn;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.customfields.web.CustomFieldForms;
import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.deals.EntryRefused;
import com.orbitcrm.deals.EntryRequirements;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.app.PipelineService;
import com.orbitcrm.deals.app.DealCommands.PlaceDeal;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.HxTrigger;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.app.MemberService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pipeline board: a column per stage with its totals, filters, per-column paging, and moves by drag
 * and drop or the card menu. A move answers the card and the headers of the two columns it touched.
 */
@Controller
class BoardController {

  /** Cards per column before "load more" (which follows when the column's end scrolls into view): more than a
   * tall window shows, fewer to render. */
  static final int PER_COLUMN = 12;

  private final DealService deals;
  private final PipelineService pipelines;
  private final MemberService members;
  private final DealViews views;
  private final CustomFieldService customFields;

  BoardController(DealService deals, PipelineService pipelines, MemberService members, DealViews views,
                  CustomFieldService customFields) {
    this.deals = deals;
    this.pipelines = pipelines;
    this.members = members;
    this.views = views;
    this.customFields = customFields;
  }

  /** The board's filter: the form's, and the deal select fields' ({@code cf.<name>=option}). */
  private BoardFilter filter(BoardFilters filters) {
    return filters.parse().withFields(customFields.filters(Deal.RECORD_TYPE, filters.fields()));
  }

  /**
   * The board of the pipeline named by {@code pipeline}, else of the one the member last chose (else the
   * default one). Showing one never changes the choice: a GET changes nothing; the switcher posts.
   */
  @GetMapping("/pipeline")
  String board(@ModelAttribute("filters") BoardFilters bound,
               @RequestParam(name = "pipeline", required = false) @Nullable String pipeline,
               @RequestParam Map<String, String> params, Model model) {
    BoardFilters filters = bound.withFields(params);
    model.addAttribute("filters", filters);
    model.addAttribute("fieldFilters", CustomFieldForms.filters(customFields.definitions(Deal.RECORD_TYPE).stream()
        .filter(d -> d.fieldType().hasOptions()).toList(), filters.fields()));
    List<Member> team = members.members();
    model.addAttribute("team", team);
    PipelineId shown = shown(pipeline);
    var all = pipelines.list();
    model.addAttribute("pipelines", all);
    // The shown pipeline is one of the list just read (one read less per board); else as the deals module finds it.
    model.addAttribute("pipeline", all.stream().map(p -> p.pipeline()).filter(p -> p.id().equals(shown)).findFirst()
        .orElseGet(() -> deals.pipeline(shown)));
    try {
      List<BoardColumn> board = deals.board(shown, filter(filters), PER_COLUMN);
      model.addAttribute("stages", board.stream().map(BoardColumn::stage).toList());
      var namer = views.namer(board.stream().flatMap(c -> c.deals().stream()).toList(), team);
      model.addAttribute("columns", board.stream().map(c -> views.column(c, filters, namer, shown)).toList());
      model.addAttribute("filterError", null);
      model.addAttribute("boardEmpty", !filters.any() && board.stream().allMatch(c -> c.count() == 0));
    } catch (InvalidInputException e) {
      model.addAttribute("stages", deals.pipeline(shown).stages());
      model.addAttribute("columns", List.of());
      model.addAttribute("filterError", e.getMessage());
      model.addAttribute("boardEmpty", false);
    }
    return "deals/board";
  }

  /** A filter changed: the board alone. */
  @HxRequest(target = "board")
  @GetMapping("/pipeline")
  String boardOnly(@ModelAttribute("filters") BoardFilters filters,
                   @RequestParam(name = "pipeline", required = false) @Nullable String pipeline,
                   @RequestParam Map<String, String> params, Model model) {
    board(filters, pipeline, params, model);
    return "deals/board :: board";
  }

  /** The next cards of a column, after the card of rank {@code after}. */
  @GetMapping("/pipeline/columns/{stage}")
  String more(@PathVariable String stage, @RequestParam String after, @ModelAttribute BoardFilters bound,
              @RequestParam(name = "pipeline", required = false) @Nullable String pipeline,
              @RequestParam Map<String, String> params, Model model) {
    BoardFilters filters = bound.withFields(params);
    PipelineId shown = shown(pipeline);
    BoardColumn column = deals.column(shown, stage, filter(filters), after, PER_COLUMN);
    model.addAttribute("column", views.column(column, filters, views.namer(column.deals(), members.members()),
        shown));
    return "deals/board :: more-cards";
  }

  /**
   * A drag-and-drop or menu move: the deal goes to the form's stage between the cards it names. Answers
   * the card (swapped in place) and the headers of the columns it left and entered; a refused move
   * answers its reason with 409 or 422, and the page puts the card back.
   */
  @PostMapping("/pipeline/deals/{id}/move")
  String move(@PathVariable String id, @ModelAttribute MoveForm move, @ModelAttribute BoardFilters filters,
              @RequestParam Map<String, String> params, Model model, HtmxResponse htmx, HttpServletRequest request,
              HttpServletResponse response) {
    try {
      BoardFilter filter = filter(filters.withFields(params));
      var placed = deals.place(new PlaceDeal(DealViews.id(id), move.stageKey(), move.aboveId(), move.belowId(),
          move.lostReason(), move.versionValue(), move.fill(request)));
      model.addAttribute("card", views.of(placed.deal()));
      var heads = new ArrayList<ColumnView>();
      for (Stage stage : new LinkedHashSet<>(List.of(placed.from(), placed.deal().progress().stage()))) {
        List<ColumnTotal> totals = deals.totals(placed.deal().pipeline(), stage.key(), filter);
        heads.add(new ColumnView(stage, ColumnView.count(totals), ColumnView.totals(totals), List.of(), null));
      }
      model.addAttribute("heads", heads);
      HxTrigger.toast(htmx, placed.deal().details().name() + " moved to " + placed.deal().progress().stage().label()
          + ".");
      return "deals/board :: moved";
    } catch (EntryRefused e) {
      // The stage requires fields the deal lacks: the board asks for just those (the lost-reason prompt's kind).
      response.setStatus(422);
      model.addAttribute("message", e.getMessage());
      model.addAttribute("refused", e);
      model.addAttribute("dealName", deals.get(DealViews.id(id)).details().name());
      // The custom fields it asks for, each with the input its type needs (a select's options, a date picker).
      var missing = e.fields().stream().filter(f -> f.startsWith(EntryRequirements.CUSTOM))
          .map(f -> f.substring(EntryRequirements.CUSTOM.length())).toList();
      var inputs = new HashMap<String, CustomFieldForms.Input>();
      CustomFieldForms.inputs(customFields.definitions(Deal.RECORD_TYPE).stream()
              .filter(d -> missing.contains(d.fieldName())).toList(), Map.of(), null, Map.of(), false, false)
          .forEach(g -> g.inputs().forEach(in -> inputs.put(EntryRequirements.CUSTOM + in.name(), in)));
      model.addAttribute("entryInputs", inputs);
      return "deals/board :: entry-form";
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

  /** The switcher: remembers the member's choice, then shows that board. */
  @PostMapping("/pipeline/choice")
  String choose(@RequestParam(name = "pipeline", required = false) @Nullable String pipeline) {
    if (pipeline != null && !pipeline.isBlank()) {
      pipelines.choose(PipelineApiController.id(pipeline.strip()));
    }
    return "redirect:/pipeline";
  }

  private PipelineId shown(@Nullable String pipeline) {
    return pipeline == null || pipeline.isBlank() ? pipelines.chosen() : PipelineApiController.id(pipeline.strip());
  }
}
