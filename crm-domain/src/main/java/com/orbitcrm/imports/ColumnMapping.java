package com.orbitcrm.imports;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which field each column of a file fills: a field's API name, {@code customFields.<name>}, or {@link #IGNORE}.
 * Made by {@link #resolve}: columns named in the caller's mapping go where it says; the others match by header
 * (the API's names, their labels, common exports' headers, custom fields by name or label) or are left out.
 *
 * @param headers the file's header row, as written.
 * @param targets per column, its field or {@link #IGNORE}.
 */
public record ColumnMapping(List<String> headers, List<String> targets) {

  /** The target of a column that is not imported. */
  public static final String IGNORE = "";

  public ColumnMapping {
    headers = List.copyOf(headers);
    targets = List.copyOf(targets);
    if (headers.size() != targets.size()) {
      throw new IllegalArgumentException("one target per header");
    }
  }

  /**
   * The mapping of {@code headers} for {@code kind}.
   *
   * @param customFields the kind's custom fields: name → label.
   * @param explicit header → target as the caller chose ({@code ""} or {@code "ignore"} to leave a column out).
   * @throws InvalidInputException naming every problem under {@code mapping} (or {@code file} for the header
   *     row itself): duplicate headers, a mapping naming no column or no field, two columns for one field,
   *     no column for the name.
   */
  public static ColumnMapping resolve(ImportKind kind, List<String> headers, Map<String, String> customFields,
                                      Map<String, String> explicit) {
    var problems = new ArrayList<FieldViolation>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String h = headers.get(i).strip();
      Integer before = seen.putIfAbsent(h, i);
      if (before != null) {
        problems.add(new FieldViolation("file", "the header \"" + h + "\" appears twice (columns " + (before + 1)
            + " and " + (i + 1) + "): rename one"));
      }
    }
    for (String header : explicit.keySet()) {
      if (!seen.containsKey(header.strip())) {
        problems.add(new FieldViolation("mapping", "the file has no column \"" + header + "\""));
      }
    }
    Map<String, String> customByNormal = new HashMap<>();
    customFields.forEach((name, label) -> {
      customByNormal.put(ImportKind.normal(name), name);
      customByNormal.putIfAbsent(ImportKind.normal(label), name);
    });
    List<String> targets = new ArrayList<>();
    for (String raw : headers) {
      String header = raw.strip();
      String target;
      if (explicit.containsKey(header) || explicit.containsKey(raw)) {
        String chosen = explicit.containsKey(header) ? explicit.get(header) : explicit.get(raw);
        target = chosen(kind, chosen == null ? "" : chosen.strip(), customFields, problems, header);
      } else {
        target = automatic(kind, header, customFields, customByNormal);
      }
      targets.add(target);
    }
    Map<String, String> byTarget = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      String t = targets.get(i);
      if (t.equals(IGNORE)) {
        continue;
      }
      String other = byTarget.putIfAbsent(t, headers.get(i).strip());
      if (other != null) {
        problems.add(new FieldViolation("mapping", t + " is filled by two columns (\"" + other + "\" and \""
            + headers.get(i).strip() + "\"): ignore one of them"));
      }
    }
    if (!byTarget.containsKey("name")) {
      problems.add(new FieldViolation("mapping", "no column is mapped to name (the " + (kind == ImportKind.CLIENTS
          ? "client's" : "deal's") + " name is required)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new ColumnMapping(headers, targets);
  }

  private static String chosen(ImportKind kind, String chosen, Map<String, String> customFields,
                               List<FieldViolation> problems, String header) {
    if (chosen.isEmpty() || chosen.toLowerCase(Locale.ROOT).equals("ignore")) {
      return IGNORE;
    }
    if (kind.fields().contains(chosen)) {
      return chosen;
    }
    if (chosen.startsWith(ImportKind.CUSTOM_PREFIX)
        && customFields.containsKey(chosen.substring(ImportKind.CUSTOM_PREFIX.length()))) {
      return chosen;
    }
    problems.add(new FieldViolation("mapping", "\"" + header + "\" → \"" + chosen + "\": not a field of "
        + kind.key() + " (one of " + String.join(", ", kind.fields()) + ", customFields.<name>, or ignore)"));
    return IGNORE;
  }

  private static String automatic(ImportKind kind, String header, Map<String, String> customFields,
                                  Map<String, String> customByNormal) {
    if (header.startsWith(ImportKind.CUSTOM_PREFIX)) {
      String name = header.substring(ImportKind.CUSTOM_PREFIX.length());
      return customFields.containsKey(name) ? header : IGNORE;
    }
    Optional<String> field = kind.match(header);
    if (field.isPresent()) {
      return field.get();
    }
    String custom = customByNormal.get(ImportKind.normal(header));
    return custom == null ? IGNORE : ImportKind.CUSTOM_PREFIX + custom;
  }

  /** The column that fills {@code target}, or -1. */
  public int column(String target) {
    return targets.indexOf(target);
  }

  public boolean maps(String target) {
    return targets.contains(target);
  }

  /** The custom fields mapped: column → field name. */
  public Map<Integer, String> customColumns() {
    Map<Integer, String> out = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      if (targets.get(i).startsWith(ImportKind.CUSTOM_PREFIX)) {
        out.put(i, targets.get(i).substring(ImportKind.CUSTOM_PREFIX.length()));
      }
    }
    return out;
  }

  /** The value of {@code target} in a row (blank → {@literal null}), or {@literal null} when no column fills it. */
  public @Nullable String value(List<String> row, String target) {
    int i = targets.indexOf(target);
    if (i < 0 || i >= row.size()) {
      return null;
    }
    String v = row.get(i);
    return v == null || v.isBlank() ? null : v;
  }

  /** header → target, as stored with the job and shown on the mapping page. */
  public Map<String, String> asMap() {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      out.put(headers.get(i), targets.get(i));
    }
    return out;
  }
}
