package com.orbitcrm.deals.web;

import static com.orbitcrm.platform.web.Requests.blank;
import static com.orbitcrm.platform.web.Requests.date;
import static com.orbitcrm.platform.web.Requests.expectedVersion;
import static com.orbitcrm.platform.web.Requests.instant;
import static com.orbitcrm.platform.web.Requests.integer;
import static com.orbitcrm.platform.web.Requests.requireObject;
import static com.orbitcrm.platform.web.Requests.text;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.ColumnTotal;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.customfields.web.CustomFieldsJson;
import com.orbitcrm.deals.app.DealCommands.CreateDeal;
import com.orbitcrm.deals.app.DealCommands.EditDeal;
import com.orbitcrm.deals.app.DealCommands.MoveDeal;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.MoneyFormat;
import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.tenancy.UserId;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/crm/deals}: the paths and fields of the original spec, plus trash and restore. The stage
 * changes through {@code PATCH …/stage} (or a {@code stage} in a PUT body), which applies the stage
 * machine's rules; a stale version is 409.
 */
@RestController
class DealApiController {

  private final DealService deals;
  private final CustomFieldService customFields;

  DealApiController(DealService deals, CustomFieldService customFields) {
    this.deals = deals;
    this.customFields = customFields;
  }

  /** The deals of the workspace, newest first, narrowed by the filters of {@link DealListParams}. */
  @GetMapping("/api/crm/deals")
  ResponseEntity<List<DealJson>> list(@ModelAttribute DealListParams params,
                                      @RequestParam(required = false, defaultValue = "false") boolean trashed,
                                      @RequestParam Map<String, String> all) {
    var query = params.query(deals.pipelineFilter(params.pipeline()), trashed).withFields(customFields.filters(Deal.RECORD_TYPE, all));
    var page = deals.list(query);
    var values = deals.customValues(page.items().stream().map(Deal::id).toList());
    var response = ResponseEntity.ok();
    if (page.next() != null) {
      response.header(HttpHeaders.LINK, Requests.nextLink(page.next().encode(), query.limit()));
    }
    return response.body(page.items().stream()
        .map(d -> DealJson.of(d, values.getOrDefault(d.id().value(), Map.of()))).toList());
  }

  /**
   * Totals for integrations: count, value and weighted value per stage and currency of the deals the list's
   * filters match, on one pipeline ({@code pipelineId}, else the default), in stage order; {@code totals} adds
   * them up per currency. Without filters it reads the kept sums (as the board does), so it costs the same at
   * any number of deals.
   */
  @GetMapping("/api/crm/deals/summary")
  Map<String, Object> summary(@ModelAttribute DealListParams params,
                              @RequestParam(required = false, defaultValue = "stage") String groupBy,
                              @RequestParam(required = false, defaultValue = "false") boolean trashed,
                              @RequestParam Map<String, String> all) {
    if (!"stage".equals(groupBy.strip())) {
      throw InvalidInputException.of("groupBy", "must be stage");
    }
    Pipeline pipeline = deals.pipelineFilter(params.pipeline());
    var query = params.query(pipeline, trashed).withFields(customFields.filters(Deal.RECORD_TYPE, all));
    var groups = deals.summary(pipeline, query);
    var totals = new LinkedHashMap<String, ColumnTotal>();
    for (ColumnTotal t : groups) {
      totals.merge(t.currency(), new ColumnTotal("", t.count(), t.value(), t.weighted()),
          (a, b) -> new ColumnTotal("", a.count() + b.count(), a.value().plus(b.value()),
              a.weighted().plus(b.weighted())));
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("groupBy", "stage");
    body.put("pipelineId", pipeline.id().toString());
    body.put("groups", groups.stream().map(t -> {
      var group = new LinkedHashMap<String, Object>();
      var stage = pipeline.stage(t.stage());
      group.put("stage", t.stage());
      group.put("stageLabel", stage.map(Stage::label).orElse(t.stage()));
      group.put("stageKind", stage.map(s -> s.kind().key()).orElse(null));
      group.putAll(amounts(t));
      return group;
    }).toList());
    body.put("totals", totals.values().stream().map(DealApiController::amounts).toList());
    return body;
  }

  /** One total as JSON: exact decimal strings, as the deals carry them. */
  private static Map<String, Object> amounts(ColumnTotal t) {
    var json = new LinkedHashMap<String, Object>();
    json.put("currency", t.currency());
    json.put("count", t.count());
    json.put("value", t.value().amount().toPlainString());
    json.put("weightedValue", MoneyFormat.exact(t.weighted().amount()));
    return json;
  }

  @GetMapping("/api/crm/deals/{id}")
  ResponseEntity<DealJson> get(@PathVariable String id) {
    Deal deal = deals.get(id(id));
    return ResponseEntity.ok().eTag("\"" + deal.version() + "\"").body(json(deal));
  }

  @PostMapping("/api/crm/deals")
  ResponseEntity<DealJson> create(@RequestBody JsonNode body) {
    DealDraft draft = apply(DealDraft.empty(), body);
    Deal deal = deals.create(CreateDeal.of(draft).inStage(text(body, "stage"), text(body, "lostReason"))
        .withProbability(integer(body, "probability"))
        .withHistory(instant(body, "createdAt"), date(body, "actualCloseDate"))
        .withCustomFields(CustomFieldsJson.read(body))
        .onPipeline(pipelineId(body)));
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(deal.id().toString());
    return ResponseEntity.created(location).eTag("\"" + deal.version() + "\"").body(json(deal));
  }

  @PutMapping("/api/crm/deals/{id}")
  ResponseEntity<DealJson> update(@PathVariable String id, @RequestBody JsonNode body,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    DealId dealId = id(id);
    Integer expected = expectedVersion(ifMatch, body, "deal");
    apply(DealDraft.empty(), body);
    String stage = text(body, "stage");
    Deal deal = deals.update(EditDeal.of(dealId, expected, draft -> apply(draft, body))
        .withProbability(integer(body, "probability"))
        .movingTo(stage == null ? null : stage.toLowerCase(Locale.ROOT), text(body, "lostReason"))
        .withCustomFields(CustomFieldsJson.read(body))
        .onPipeline(pipelineId(body)));
    return ResponseEntity.ok().eTag("\"" + deal.version() + "\"").body(json(deal));
  }

  @PatchMapping("/api/crm/deals/{id}/stage")
  ResponseEntity<DealJson> move(@PathVariable String id, @RequestBody JsonNode body,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    DealId dealId = id(id);
    requireObject(body);
    String stage = text(body, "stage");
    if (stage == null) {
      throw InvalidInputException.of("stage", "is required");
    }
    Deal deal = deals.move(new MoveDeal(dealId, stage.toLowerCase(Locale.ROOT), integer(body, "position"),
        text(body, "lostReason"), expectedVersion(ifMatch, body, "deal")));
    return ResponseEntity.ok().eTag("\"" + deal.version() + "\"").body(json(deal));
  }

  @DeleteMapping("/api/crm/deals/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id) {
    deals.delete(id(id));
  }

  @PostMapping("/api/crm/deals/{id}/restore")
  DealJson restore(@PathVariable String id) {
    return json(deals.restore(id(id)));
  }

  // ---- Helpers ------------------------------------------------------------------------------

  private DealJson json(Deal deal) {
    return DealJson.of(deal, deals.customValues(List.of(deal.id())).getOrDefault(deal.id().value(), Map.of()));
  }

  static DealId id(String raw) {
    return DealViews.id(raw);
  }

  /** {@code pipelineId} in a body: absent or null for the deal's own (a new deal's: the default one). */
  static @Nullable PipelineId pipelineId(JsonNode body) {
    JsonNode node = body.get("pipelineId");
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      if (node.isString()) {
        return new PipelineId(UUID.fromString(node.asString().strip()));
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw InvalidInputException.of("pipelineId", "is not a pipeline id");
  }


  /** Copies the editable fields present in {@code body} onto {@code draft}; anything else is ignored. */
  static DealDraft apply(DealDraft draft, JsonNode body) {
    requireObject(body);
    var wrong = new ArrayList<FieldViolation>();
    DealDraft result = draft;
    for (String field : DealDraft.FIELDS) {
      if (!body.has(field)) {
        continue;
      }
      JsonNode value = body.get(field);
      if (value.isNull()) {
        result = result.with(field, null);
      } else if (value.isString() || value.isNumber()) {
        result = result.with(field, value.isNumber() ? value.decimalValue().toPlainString() : value.asString());
      } else {
        wrong.add(new FieldViolation(field, field.equals("value") ? "must be an amount" : "must be a string"));
      }
    }
    for (String field : List.of("stage", "lostReason")) {
      if (body.has(field) && !body.get(field).isNull() && !body.get(field).isString()) {
        wrong.add(new FieldViolation(field, "must be a string"));
      }
    }
    for (String field : List.of("probability", "position", "version")) {
      if (body.has(field) && !body.get(field).isNull() && !body.get(field).isIntegralNumber()) {
        wrong.add(new FieldViolation(field, "must be a whole number"));
      }
    }
    if (!wrong.isEmpty()) {
      throw new InvalidInputException(wrong);
    }
    return result;
  }

  private interface Parser<T> {
    T parse(String raw);
  }

  private static <T> @Nullable T parse(List<FieldViolation> violations, String field, @Nullable String raw,
                                       Parser<T> parser, String message) {
    if (blank(raw) == null) {
      return null;
    }
    try {
      return parser.parse(raw.strip());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      violations.add(new FieldViolation(field, message));
      return null;
    }
  }
}
