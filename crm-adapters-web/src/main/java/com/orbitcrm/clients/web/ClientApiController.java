package com.orbitcrm.clients.web;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.app.ClientService;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.customfields.web.CustomFieldsJson;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.Requests;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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
 * {@code /api/clients}: the paths and fields of the original spec. Lists are keyset-paged
 * ({@code limit}, {@code cursor}, next page in a {@code Link} header); writes take only the editable
 * fields (id, tenant, timestamps in a body are ignored); a stale {@code If-Match} or {@code version} is 409.
 */
@RestController
class ClientApiController {

  private final ClientService clients;
  private final MemberService members;
  private final CustomFieldService customFields;

  ClientApiController(ClientService clients, MemberService members, CustomFieldService customFields) {
    this.clients = clients;
    this.members = members;
    this.customFields = customFields;
  }

  @GetMapping("/api/clients")
  ResponseEntity<List<ClientJson>> list(@RequestParam(required = false) @Nullable String search,
                                        @RequestParam(required = false) @Nullable String status,
                                        @RequestParam(required = false) @Nullable String industry,
                                        @RequestParam(required = false) @Nullable String ownerId,
                                        @RequestParam(required = false) @Nullable String state,
                                        @RequestParam(required = false) @Nullable String sort,
                                        @RequestParam(required = false) @Nullable String limit,
                                        @RequestParam(required = false) @Nullable String cursor,
                                        @RequestParam(required = false, defaultValue = "false") boolean trashed,
                                        @RequestParam Map<String, String> params) {
    ClientQuery query = ClientQueries.parse(search, status, industry, ownerId, state, sort, limit, cursor, trashed,
            name -> customFields.sortable(Client.RECORD_TYPE, name))
        .withFields(customFields.filters(Client.RECORD_TYPE, params));
    var page = clients.list(query);
    var names = ownerNames();
    var values = clients.customValues(page.items().stream().map(Client::id).toList());
    var body = page.items().stream().map(c -> json(c, names, values)).toList();
    var response = ResponseEntity.ok();
    if (page.next() != null) {
      response.header(HttpHeaders.LINK, Requests.nextLink(page.next().encode(), query.limit()));
    }
    return response.body(body);
  }

  @GetMapping("/api/clients/{id}")
  ResponseEntity<ClientJson> get(@PathVariable String id) {
    Client client = clients.get(id(id));
    return withETag(ResponseEntity.ok(), client).body(json(client));
  }

  @PostMapping("/api/clients")
  ResponseEntity<ClientJson> create(@RequestBody JsonNode body) {
    Client client = clients.create(apply(ClientDraft.empty(), body), CustomFieldsJson.read(body), null);
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(client.id().toString());
    return withETag(ResponseEntity.created(location), client).body(json(client));
  }

  @PutMapping("/api/clients/{id}")
  ResponseEntity<ClientJson> update(@PathVariable String id, @RequestBody JsonNode body,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    Integer expected = Requests.expectedVersion(ifMatch, body, "client");
    Requests.requireObject(body);
    Client client = clients.update(id(id), expected, draft -> apply(draft, body), CustomFieldsJson.read(body));
    return withETag(ResponseEntity.ok(), client).body(json(client));
  }

  @DeleteMapping("/api/clients/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id) {
    clients.delete(id(id));
  }

  @PostMapping("/api/clients/{id}/restore")
  ClientJson restore(@PathVariable String id) {
    return json(clients.restore(id(id)));
  }

  // ---- Helpers ------------------------------------------------------------------------------

  private Map<UserId, String> ownerNames() {
    return members.members().stream().collect(Collectors.toMap(Member::user, Member::name, (a, b) -> a));
  }

  private ClientJson json(Client client) {
    return json(client, ownerNames(), clients.customValues(List.of(client.id())));
  }

  private static ClientJson json(Client client, Map<UserId, String> names, Map<UUID, Map<String, FieldValue>> values) {
    UserId owner = client.details().accountOwnerId();
    return ClientJson.of(client, owner == null ? null : names.get(owner),
        values.getOrDefault(client.id().value(), Map.of()));
  }

  private static ResponseEntity.BodyBuilder withETag(ResponseEntity.BodyBuilder builder, Client client) {
    return builder.eTag("\"" + client.version() + "\"");
  }

  /** A malformed id names nothing in this workspace: 404 like any unknown id. */
  static ClientId id(String raw) {
    return new ClientId(Requests.id(raw, "Client"));
  }


  /** Copies the editable fields present in {@code body} onto {@code draft}; everything else is ignored. */
  static ClientDraft apply(ClientDraft draft, JsonNode body) {
    Requests.requireObject(body);
    List<FieldViolation> wrongTypes = new ArrayList<>();
    ClientDraft result = draft;
    for (String field : ClientDraft.FIELDS) {
      if (!body.has(field)) {
        continue;
      }
      JsonNode value = body.get(field);
      if (value.isNull()) {
        result = result.with(field, null);
      } else if (value.isString() || value.isNumber()) {
        result = result.with(field, value.isNumber() ? value.decimalValue().toPlainString() : value.asString());
      } else {
        wrongTypes.add(new FieldViolation(field, field.equals("estimatedMonthlySpend")
            ? "must be an amount (a number or a decimal string)" : "must be a string"));
      }
    }
    if (!wrongTypes.isEmpty()) {
      throw new InvalidInputException(wrongTypes);
    }
    return result;
  }
}
