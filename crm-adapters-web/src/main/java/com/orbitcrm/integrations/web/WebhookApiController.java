package com.orbitcrm.integrations.web;

import com.orbitcrm.integrations.EventType;
import com.orbitcrm.integrations.app.WebhookService;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.Requests;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/webhooks}: admins register endpoints ({@code url}, {@code eventTypes}, {@code description}), read,
 * change (also {@code enabled}), delete them, rotate their secret, list their latest deliveries and send one
 * again. The secret ({@code whsec_…}) is answered once: by the registration and by each rotation.
 */
@RestController
class WebhookApiController {

  private final WebhookService webhooks;

  WebhookApiController(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @GetMapping("/api/webhooks")
  List<WebhookJson.Endpoint> list() {
    return webhooks.list().stream().map(e -> WebhookJson.of(e, null)).toList();
  }

  @GetMapping("/api/webhooks/event-types")
  List<String> eventTypes() {
    webhooks.list(); // admins only, like the rest
    return webhooks.eventTypes().stream().map(EventType::key).toList();
  }

  @PostMapping("/api/webhooks")
  ResponseEntity<WebhookJson.Endpoint> register(@RequestBody JsonNode body) {
    Requests.requireObject(body);
    var made = webhooks.register(Requests.text(body, "url"), Requests.text(body, "description"),
        types(body, false));
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
        .build(made.endpoint().id().toString());
    return ResponseEntity.created(location).eTag("\"" + made.endpoint().version() + "\"")
        .body(WebhookJson.of(made.endpoint(), made.secret()));
  }

  @GetMapping("/api/webhooks/{id}")
  ResponseEntity<WebhookJson.Endpoint> get(@PathVariable String id) {
    var e = webhooks.get(id(id));
    return ResponseEntity.ok().eTag("\"" + e.version() + "\"").body(WebhookJson.of(e, null));
  }

  @PutMapping("/api/webhooks/{id}")
  ResponseEntity<WebhookJson.Endpoint> change(@PathVariable String id, @RequestBody JsonNode body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    UUID endpoint = id(id);
    Requests.requireObject(body);
    Integer expected = Requests.expectedVersion(ifMatch, body, "endpoint");
    JsonNode enabled = body.get("enabled");
    if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
      throw InvalidInputException.of("enabled", "must be true or false");
    }
    var e = webhooks.change(endpoint, expected, Requests.text(body, "url"), Requests.text(body, "description"),
        body.has("eventTypes") ? types(body, true) : null,
        enabled == null || enabled.isNull() ? null : enabled.booleanValue());
    return ResponseEntity.ok().eTag("\"" + e.version() + "\"").body(WebhookJson.of(e, null));
  }

  @DeleteMapping("/api/webhooks/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id) {
    webhooks.delete(id(id));
  }

  @PostMapping("/api/webhooks/{id}/rotate-secret")
  WebhookJson.Endpoint rotate(@PathVariable String id) {
    var made = webhooks.rotateSecret(id(id));
    return WebhookJson.of(made.endpoint(), made.secret());
  }

  @GetMapping("/api/webhooks/{id}/deliveries")
  List<WebhookJson.Delivery> deliveries(@PathVariable String id) {
    return webhooks.deliveries(id(id)).stream().map(WebhookJson::of).toList();
  }

  @PostMapping("/api/webhooks/deliveries/{id}/redeliver")
  ResponseEntity<Map<String, String>> redeliver(@PathVariable String id) {
    var d = webhooks.redeliver(Requests.id(id, "Delivery"));
    return ResponseEntity.accepted().body(Map.of("id", d.id().toString(), "status", d.status().key()));
  }

  static UUID id(String raw) {
    return Requests.id(raw, "Webhook endpoint");
  }

  /** {@code eventTypes}: an array of names (or families such as {@code meeting.*}). */
  private static List<String> types(JsonNode body, boolean required) {
    JsonNode node = body.get("eventTypes");
    if (node == null || node.isNull()) {
      if (required) {
        throw InvalidInputException.of("eventTypes", "choose at least one event type");
      }
      return List.of();
    }
    if (!node.isArray()) {
      throw InvalidInputException.of("eventTypes", "must be an array of event types");
    }
    var out = new ArrayList<String>();
    for (JsonNode t : node) {
      if (!t.isString()) {
        throw InvalidInputException.of("eventTypes", "must be an array of event types");
      }
      out.add(t.asString());
    }
    return out;
  }
}
