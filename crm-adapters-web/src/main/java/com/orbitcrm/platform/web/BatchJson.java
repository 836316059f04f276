package com.orbitcrm.platform.web;

import com.orbitcrm.platform.BatchItemResult;
import com.orbitcrm.platform.BatchRequest;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The JSON of the batch endpoints ({@code POST /api/clients/batch}, {@code POST /api/crm/deals/batch}): a body
 * {@code {"inputs": [...], "mode": "create"|"upsert", "idProperty": "...", "atomic": false}} and an answer
 * {@code {"results": [{"index", "id", "status", "errors"}], "created", "updated", "errors"}} — one result per input, in
 * order.
 */
public final class BatchJson {

  private BatchJson() {}

  /** The batch's settings and its inputs, each read by {@code read} (a problem of one input is that input's). */
  public record Parsed<T>(BatchRequest request, List<T> inputs) {}

  /**
   * Reads a batch body.
   *
   * @param read one input → the module's input; its {@link InvalidInputException} refuses that input only, through
   *     {@code unreadable}.
   * @param unreadable an input that could not be read → the module's input carrying the problems.
   */
  public static <T> Parsed<T> parse(JsonNode body, List<String> idProperties, Function<JsonNode, T> read,
                                    Function<List<FieldViolation>, T> unreadable) {
    Requests.requireObject(body);
    JsonNode inputs = body.get("inputs");
    if (inputs == null || !inputs.isArray()) {
      throw InvalidInputException.of("inputs", "must be an array of records");
    }
    BatchRequest.requireSize(inputs.size());
    var atomic = body.get("atomic");
    if (atomic != null && !atomic.isNull() && !atomic.isBoolean()) {
      throw InvalidInputException.of("atomic", "must be true or false");
    }
    var request = BatchRequest.of(Requests.text(body, "mode"), Requests.text(body, "idProperty"),
        atomic != null && atomic.isBoolean() && atomic.booleanValue(), idProperties);
    List<T> out = new ArrayList<>(inputs.size());
    for (JsonNode input : inputs) {
      if (!input.isObject()) {
        out.add(unreadable.apply(List.of(new FieldViolation("input", "must be an object"))));
        continue;
      }
      try {
        out.add(read.apply(input));
      } catch (InvalidInputException e) {
        out.add(unreadable.apply(e.violations()));
      }
    }
    return new Parsed<>(request, out);
  }

  public static Map<String, Object> answer(List<BatchItemResult> results) {
    var body = new LinkedHashMap<String, Object>();
    body.put("results", results.stream().map(BatchJson::result).toList());
    body.put("created", results.stream().filter(r -> r.status() == BatchItemResult.Status.CREATED).count());
    body.put("updated", results.stream().filter(r -> r.status() == BatchItemResult.Status.UPDATED).count());
    body.put("errors", results.stream().filter(r -> !r.ok()).count());
    return body;
  }

  static Map<String, @Nullable Object> result(BatchItemResult r) {
    var out = new LinkedHashMap<String, @Nullable Object>();
    out.put("index", r.index());
    out.put("id", r.id() == null ? null : r.id().toString());
    out.put("status", r.status().key());
    out.put("errors", r.errors().stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
    return out;
  }
}
