package com.orbitcrm.clients.web;

import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.app.ClientService;
import com.orbitcrm.clients.app.ClientService.BatchClient;
import com.orbitcrm.customfields.web.CustomFieldsJson;
import com.orbitcrm.platform.web.BatchJson;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/clients/batch}: up to 1,000 clients created, or upserted by {@code companyId} or
 * {@code contactEmail}, in one transaction, each with the rules of {@code POST /api/clients} and
 * {@code PUT /api/clients/{id}}; one result per input. Atomic batches with a refused input are a 400.
 */
@RestController
class ClientBatchApiController {

  private final ClientService clients;

  ClientBatchApiController(ClientService clients) {
    this.clients = clients;
  }

  @PostMapping("/api/clients/batch")
  Map<String, Object> batch(@RequestBody JsonNode body) {
    var parsed = BatchJson.parse(body, ClientService.MATCH_FIELDS, ClientBatchApiController::input,
        problems -> new BatchClient(d -> d, Map.of(), problems));
    return BatchJson.answer(clients.batch(parsed.inputs(), parsed.request()));
  }

  private static BatchClient input(JsonNode input) {
    ClientApiController.apply(ClientDraft.empty(), input); // every type problem now, as the input's
    return new BatchClient(draft -> ClientApiController.apply(draft, input), CustomFieldsJson.read(input), List.of());
  }
}
