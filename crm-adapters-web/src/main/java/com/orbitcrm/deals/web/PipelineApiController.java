package com.orbitcrm.deals.web;

import static com.orbitcrm.platform.web.Requests.expectedVersion;

import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.app.PipelineService;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.Requests;
import java.net.URI;
import java.util.List;
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
 * {@code /api/crm/pipelines}: the workspace's pipelines with their stages in order. Everyone reads,
 * admins write; {@code DELETE} archives (a pipeline without live deals, never the default one). A PUT sets
 * the whole list of stages: stages left out are removed, their deals moving to {@code moveTo[key]}.
 */
@RestController
class PipelineApiController {

  private final PipelineService pipelines;

  PipelineApiController(PipelineService pipelines) {
    this.pipelines = pipelines;
  }

  @GetMapping("/api/crm/pipelines")
  List<PipelineJson> list() {
    return pipelines.list().stream().map(PipelineJson::of).toList();
  }

  @GetMapping("/api/crm/pipelines/{id}")
  ResponseEntity<PipelineJson> get(@PathVariable String id) {
    var stored = pipelines.get(id(id));
    return ResponseEntity.ok().eTag("\"" + stored.version() + "\"").body(PipelineJson.of(stored));
  }

  @PostMapping("/api/crm/pipelines")
  ResponseEntity<PipelineJson> create(@RequestBody JsonNode body) {
    var created = pipelines.create(PipelineJson.draft(body));
    if (isDefault(body)) {
      created = pipelines.makeDefault(created.pipeline().id());
    }
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
        .build(created.pipeline().id().toString());
    return ResponseEntity.created(location).eTag("\"" + created.version() + "\"").body(PipelineJson.of(created));
  }

  @PutMapping("/api/crm/pipelines/{id}")
  ResponseEntity<PipelineJson> update(@PathVariable String id, @RequestBody JsonNode body,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    PipelineId pipelineId = id(id);
    Integer expected = expectedVersion(ifMatch, body, "pipeline");
    var draft = PipelineJson.draft(body);
    var moveTo = PipelineJson.moveTo(body);
    boolean makeDefault = isDefault(body);
    var saved = pipelines.update(pipelineId, expected, draft, moveTo);
    if (makeDefault && !saved.isDefault()) {
      saved = pipelines.makeDefault(pipelineId);
    }
    return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(PipelineJson.of(saved));
  }

  @DeleteMapping("/api/crm/pipelines/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void archive(@PathVariable String id) {
    pipelines.archive(id(id));
  }

  static PipelineId id(String raw) {
    return new PipelineId(Requests.id(raw, "Pipeline"));
  }

  private static boolean isDefault(JsonNode body) {
    JsonNode node = body.get("isDefault");
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw InvalidInputException.of("isDefault", "must be true or false");
    }
    if (!node.booleanValue()) {
      return false;
    }
    return true;
  }
}
