package com.orbitcrm.imports.web;

import static com.orbitcrm.platform.web.Requests.id;

import com.orbitcrm.imports.ImportJob;
import com.orbitcrm.imports.app.ImportService;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.TenantContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/imports}: a CSV file of clients or deals sent as multipart ({@code file}, {@code entity}, optional
 * {@code mapping} and {@code dryRun}, and the value mapping and dedupe choices) is checked whole and queued:
 * 202 with {@code {id, status}} and a {@code Location}; the job is then read at that location.
 */
@RestController
class ImportApiController {

  private final ImportService imports;
  private final Clock clock;

  ImportApiController(ImportService imports, Clock clock) {
    this.imports = imports;
    this.clock = clock;
  }

  @PostMapping("/api/imports")
  ResponseEntity<Map<String, Object>> start(@RequestParam(required = false) @Nullable MultipartFile file,
                                            @RequestParam(required = false) @Nullable String entity,
                                            @RequestParam(required = false) @Nullable String mapping,
                                            @RequestParam(required = false) @Nullable String dryRun,
                                            @RequestParam(required = false) @Nullable String dedupe,
                                            @RequestParam(required = false) @Nullable String onMatch,
                                            @RequestParam(required = false) @Nullable String stages,
                                            @RequestParam(required = false) @Nullable String otherStage,
                                            @RequestParam(required = false) @Nullable String owners,
                                            @RequestParam(required = false) @Nullable String createClients,
                                            @RequestParam(required = false) @Nullable String allOrNothing) {
    TenantContext.requireWriter();
    if (file == null) {
      throw InvalidInputException.of("file", "is required: send the CSV file as the multipart part \"file\"");
    }
    var settings = ImportChoices.settings(mapping, dedupe, onMatch, stages, otherStage, owners, createClients,
        allOrNothing);
    byte[] bytes;
    try {
      bytes = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImportJob job = imports.upload(entity, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
        bytes, settings, ImportChoices.flag(dryRun), true);
    return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id()))
        .body(Map.of("id", job.id(), "status", job.status().key()));
  }

  @GetMapping("/api/imports")
  List<ImportJson> list(@RequestParam(required = false, defaultValue = "50") String limit) {
    int n;
    try {
      n = Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("limit", "must be a whole number from 1 to 200");
    }
    var now = clock.instant();
    return imports.latest(n).stream().map(j -> ImportJson.of(j, now)).toList();
  }

  @GetMapping("/api/imports/{id}")
  ImportJson get(@PathVariable String id) {
    return ImportJson.of(imports.get(id(id, "Import")), clock.instant());
  }

  /** The refused rows with their reasons, as CSV. */
  @GetMapping("/api/imports/{id}/rejected")
  ResponseEntity<byte[]> rejected(@PathVariable String id) {
    var uuid = id(id, "Import");
    byte[] csv = imports.rejectedCsv(uuid);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("rejected-" + uuid + ".csv").build().toString())
        .body(csv);
  }

  @PostMapping("/api/imports/{id}/undo")
  ImportJson undo(@PathVariable String id) {
    return ImportJson.of(imports.undo(id(id, "Import")), clock.instant());
  }
}
