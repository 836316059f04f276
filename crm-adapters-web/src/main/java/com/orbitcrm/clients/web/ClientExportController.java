package com.orbitcrm.clients.web;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.app.ClientService;
import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.customfields.web.CustomFieldsCsv;
import com.orbitcrm.platform.web.CsvDownload;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/clients/export}: the clients list as CSV — the list's filters and sort, every matching client
 * (no paging), streamed as it is read. The header names the API's fields, then {@code customFields.<name>} per
 * custom field, so that the file imports back unchanged.
 */
@RestController
class ClientExportController {

  /** The columns before the custom fields: fields of {@link ClientJson}, by the same names. */
  static final List<String> COLUMNS = List.of("id", "name", "contactName", "contactEmail", "contactPhone", "industry",
      "addressLine1", "addressLine2", "city", "state", "zipCode", "estimatedMonthlySpend", "status", "accountOwnerId",
      "accountOwnerName", "companyId", "createdAt", "updatedAt");

  private final ClientService clients;
  private final MemberService members;
  private final CustomFieldService customFields;
  private final Clock clock;

  ClientExportController(ClientService clients, MemberService members, CustomFieldService customFields, Clock clock) {
    this.clients = clients;
    this.members = members;
    this.customFields = customFields;
    this.clock = clock;
  }

  @GetMapping("/api/clients/export")
  void export(@RequestParam(required = false) @Nullable String search,
              @RequestParam(required = false) @Nullable String status,
              @RequestParam(required = false) @Nullable String industry,
              @RequestParam(required = false) @Nullable String ownerId,
              @RequestParam(required = false) @Nullable String state,
              @RequestParam(required = false) @Nullable String sort,
              @RequestParam(required = false, defaultValue = "false") boolean trashed,
              @RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
    // Every bad parameter is a 400 before the first byte is written.
    ClientQuery query = ClientQueries.parse(search, status, industry, ownerId, state, sort, null, null, trashed,
            name -> customFields.sortable(Client.RECORD_TYPE, name))
        .withFields(customFields.filters(Client.RECORD_TYPE, params));
    List<FieldDefinition> fields = customFields.definitions(Client.RECORD_TYPE);
    Map<UserId, String> owners = members.members().stream()
        .collect(Collectors.toMap(Member::user, Member::name, (a, b) -> a));
    List<String> header = CustomFieldsCsv.header(COLUMNS, fields);
    try (var csv = CsvDownload.start(response, "clients-" + LocalDate.now(clock) + ".csv", header)) {
      clients.export(query, batch -> {
        for (Client c : batch.clients()) {
          csv.row(row(c, owners, fields, batch.values().getOrDefault(c.id().value(), Map.of())));
        }
        csv.flush();
      });
    }
  }

  private static List<@Nullable String> row(Client c, Map<UserId, String> owners, List<FieldDefinition> fields,
                                            Map<String, FieldValue> values) {
    ClientDetails d = c.details();
    UserId owner = d.accountOwnerId();
    List<@Nullable String> row = new ArrayList<>(COLUMNS.size() + fields.size());
    row.addAll(Arrays.asList(c.id().toString(), d.name(), d.contactName(), d.contactEmail(), d.contactPhone(),
        d.industry(), d.addressLine1(), d.addressLine2(), d.city(), d.state(), d.zipCode(),
        d.estimatedMonthlySpend() == null ? null : d.estimatedMonthlySpend().toPlainString(), d.status().key(),
        owner == null ? null : owner.toString(), owner == null ? null : owners.get(owner), d.companyId(),
        c.createdAt().toString(), c.updatedAt().toString()));
    CustomFieldsCsv.addCells(row, fields, values);
    return row;
  }
}
