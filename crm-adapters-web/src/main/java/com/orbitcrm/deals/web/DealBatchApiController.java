package com.orbitcrm.deals.web;

import static com.orbitcrm.platform.web.Requests.date;
import static com.orbitcrm.platform.web.Requests.instant;
import static com.orbitcrm.platform.web.Requests.integer;
import static com.orbitcrm.platform.web.Requests.text;

import com.orbitcrm.customfields.web.CustomFieldsJson;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.app.DealCommands.CreateDeal;
import com.orbitcrm.deals.app.DealCommands.EditDeal;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.deals.app.DealService.BatchDeal;
import com.orbitcrm.platform.web.BatchJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/crm/deals/batch}: up to 1,000 deals created, or upserted by {@code contactEmail}, in one
 * transaction, each with the rules of {@code POST /api/crm/deals} and {@code PUT /api/crm/deals/{id}}; one result per
 * input. Atomic batches with a refused input are a 400.
 */
@RestController
class DealBatchApiController {

  /** Stands for the matched deal until the batch names it. */
  private static final DealId MATCHED = new DealId(new UUID(0, 0));

  private final DealService deals;

  DealBatchApiController(DealService deals) {
    this.deals = deals;
  }

  @PostMapping("/api/crm/deals/batch")
  Map<String, Object> batch(@RequestBody JsonNode body) {
    var parsed = BatchJson.parse(body, DealService.MATCH_FIELDS, DealBatchApiController::input,
        problems -> new BatchDeal(CreateDeal.of(DealDraft.empty()), EditDeal.of(MATCHED, null, d -> d), problems));
    return BatchJson.answer(deals.batch(parsed.inputs(), parsed.request()));
  }

  private static BatchDeal input(JsonNode body) {
    DealDraft draft = DealApiController.apply(DealDraft.empty(), body);
    var custom = CustomFieldsJson.read(body);
    String stage = text(body, "stage");
    String lostReason = text(body, "lostReason");
    Integer probability = integer(body, "probability");
    var pipeline = DealApiController.pipelineId(body);
    var create = CreateDeal.of(draft).inStage(stage, lostReason)
        .withProbability(probability)
        .withHistory(instant(body, "createdAt"), date(body, "actualCloseDate"))
        .withCustomFields(custom)
        .onPipeline(pipeline);
    var edit = EditDeal.of(MATCHED, null, d -> DealApiController.apply(d, body))
        .withProbability(probability)
        .movingTo(stage == null ? null : stage.toLowerCase(Locale.ROOT), lostReason)
        .withCustomFields(custom)
        .onPipeline(pipeline);
    return new BatchDeal(create, edit, List.of());
  }
}
