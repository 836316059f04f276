package com.orbitcrm.deals.web;

import com.orbitcrm.deals.PipelineDraft;
import com.orbitcrm.deals.PipelineDraft.StageDraft;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.port.Pipelines.Stored;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.Requests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A pipeline as the API shows it: its stages in order, each with its kind and entry requirements. */
record PipelineJson(String id, String name, boolean isDefault, int version, List<StageJson> stages) {

  record StageJson(String key, String label, String color, int probability, String kind,
                   List<String> requiredFields) {

    static StageJson of(Stage s) {
      return new StageJson(s.key(), s.label(), s.color(), s.defaultProbability().percent(), s.kind().key(),
          s.requirements().fields());
    }
  }

  static PipelineJson of(Stored stored) {
    var p = stored.pipeline();
    return new PipelineJson(p.id().toString(), p.name(), stored.isDefault(), stored.version(),
        p.stages().stream().map(StageJson::of).toList());
  }

  /** The draft a POST or PUT body describes; wrong JSON shapes are 400s on their fields. */
  static PipelineDraft draft(JsonNode body) {
    Requests.requireObject(body);
    var wrong = new ArrayList<FieldViolation>();
    if (body.has("name") && !body.get("name").isNull() && !body.get("name").isString()) {
      wrong.add(new FieldViolation("name", "must be a string"));
    }
    var stages = new ArrayList<StageDraft>();
    JsonNode list = body.get("stages");
    if (list == null || !list.isArray()) {
      wrong.add(new FieldViolation("stages", "must be a list of stages"));
    } else {
      for (int i = 0; i < list.size(); i++) {
        JsonNode s = list.get(i);
        String at = "stages[" + i + "].";
        if (!s.isObject()) {
          wrong.add(new FieldViolation("stages[" + i + "]", "must be an object"));
          continue;
        }
        for (String f : List.of("key", "label", "color", "kind")) {
          if (s.has(f) && !s.get(f).isNull() && !s.get(f).isString()) {
            wrong.add(new FieldViolation(at + f, "must be a string"));
          }
        }
        if (s.has("probability") && !s.get("probability").isNull() && !s.get("probability").isIntegralNumber()) {
          wrong.add(new FieldViolation(at + "probability", "must be a whole number"));
        }
        var required = new ArrayList<String>();
        JsonNode req = s.get("requiredFields");
        if (req != null && !req.isNull()) {
          if (!req.isArray()) {
            wrong.add(new FieldViolation(at + "requiredFields", "must be a list of field names"));
          } else {
            for (JsonNode r : req) {
              if (!r.isString()) {
                wrong.add(new FieldViolation(at + "requiredFields", "must be a list of field names"));
              } else {
                required.add(r.asString());
              }
            }
          }
        }
        Integer probability = s.has("probability") && s.get("probability").isIntegralNumber()
            ? (s.get("probability").canConvertToInt() ? s.get("probability").intValue() : -1) : null;
        stages.add(new StageDraft(Requests.text(s, "key"), Requests.text(s, "label"), Requests.text(s, "color"),
            probability, Requests.text(s, "kind"), required));
      }
    }
    if (!wrong.isEmpty()) {
      throw new InvalidInputException(wrong);
    }
    return new PipelineDraft(Requests.text(body, "name"), stages);
  }

  /** {@code moveTo}: where the deals of removed stages go, by removed stage key. */
  static Map<String, String> moveTo(JsonNode body) {
    var out = new LinkedHashMap<String, String>();
    JsonNode node = body.get("moveTo");
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw InvalidInputException.of("moveTo", "must map removed stage keys to stage keys");
    }
    for (var e : node.properties()) {
      if (!e.getValue().isString()) {
        throw InvalidInputException.of("moveTo." + e.getKey(), "must be a stage key");
      }
      out.put(e.getKey(), e.getValue().asString());
    }
    return out;
  }
}
