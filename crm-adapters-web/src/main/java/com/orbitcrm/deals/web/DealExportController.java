package com.orbitcrm.deals.web;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.app.ClientService;
import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.customfields.web.CustomFieldsCsv;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.web.CsvDownload;
import com.orbitcrm.platform.web.MoneyFormat;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/crm/deals/export}: the deals list as CSV — the list's filters ({@link DealListParams}), every
 * matching deal newest first (no paging), streamed as it is read. The header names the API's fields (and the
 * client's name, to match on when importing elsewhere), then {@code customFields.<name>} per custom field, so
 * that the file imports back unchanged.
 */
@RestController
class DealExportController {

  /** The columns before the custom fields: fields of {@link DealJson}, by the same names, and the client's name. */
  static final List<String> COLUMNS = List.of("id", "name", "description", "pipelineId", "stage", "stageLabel", "value", "currency",
      "probability", "weightedValue", "clientId", "clientName", "contactName", "contactEmail", "contactPhone",
      "expectedCloseDate", "actualCloseDate", "ownerId", "source", "lostReason", "createdAt", "updatedAt");

  private final DealService deals;
  private final ClientService clients;
  private final CustomFieldService customFields;
  private final Clock clock;

  DealExportController(DealService deals, ClientService clients, CustomFieldService customFields, Clock clock) {
    this.deals = deals;
    this.clients = clients;
    this.customFields = customFields;
    this.clock = clock;
  }

  @GetMapping("/api/crm/deals/export")
  void export(@ModelAttribute DealListParams params,
              @RequestParam(required = false, defaultValue = "false") boolean trashed,
              @RequestParam Map<String, String> all, HttpServletResponse response) throws IOException {
    // Every bad parameter is a 400 before the first byte is written; paging parameters do not apply.
    DealQuery query = params.query(deals.pipelineFilter(params.pipeline()), trashed).after(null)
        .withFields(customFields.filters(Deal.RECORD_TYPE, all));
    List<FieldDefinition> fields = customFields.definitions(Deal.RECORD_TYPE);
    List<String> header = CustomFieldsCsv.header(COLUMNS, fields);
    try (var csv = CsvDownload.start(response, "deals-" + LocalDate.now(clock) + ".csv", header)) {
      deals.export(query, batch -> {
        Map<ClientId, String> names = clients.names(batch.deals().stream().map(d -> d.details().clientId())
            .filter(Objects::nonNull).distinct().toList());
        for (Deal d : batch.deals()) {
          csv.row(row(d, names, fields, batch.values().getOrDefault(d.id().value(), Map.of())));
        }
        csv.flush();
      });
    }
  }

  private static List<@Nullable String> row(Deal deal, Map<ClientId, String> clientNames, List<FieldDefinition> fields,
                                            Map<String, FieldValue> values) {
    DealDetails d = deal.details();
    DealProgress p = deal.progress();
    ClientId client = d.clientId();
    List<@Nullable String> row = new ArrayList<>(COLUMNS.size() + fields.size());
    row.addAll(Arrays.asList(deal.id().toString(), d.name(), d.description(), deal.pipeline().toString(), p.stage().key(), p.stage().label(),
        d.value().amount().toPlainString(), d.currency(), String.valueOf(p.probability().percent()),
        MoneyFormat.exact(deal.weightedValue().amount()), client == null ? null : client.toString(),
        client == null ? null : clientNames.get(client), d.contactName(), d.contactEmail(), d.contactPhone(),
        d.expectedCloseDate() == null ? null : d.expectedCloseDate().toString(),
        p.actualCloseDate() == null ? null : p.actualCloseDate().toString(),
        d.ownerId() == null ? null : d.ownerId().toString(), d.source(), p.lostReason(), deal.createdAt().toString(),
        deal.updatedAt().toString()));
    CustomFieldsCsv.addCells(row, fields, values);
    return row;
  }
}
