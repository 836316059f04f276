package com.orbitcrm.deals.web;

import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.UserId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The board's filters as the page holds them (also its URL), bound from the request's parameters; custom-field
 * filters ({@code cf.<name>=option}, as the API takes them) are added by {@link #withFields} from all parameters.
 */
record BoardFilters(String ownerId, String search, String closeFrom, String closeTo, Map<String, String> fields) {

  BoardFilters {
    ownerId = ownerId == null ? "" : ownerId.strip();
    search = search == null ? "" : search.strip();
    closeFrom = closeFrom == null ? "" : closeFrom.strip();
    closeTo = closeTo == null ? "" : closeTo.strip();
    Map<String, String> kept = new LinkedHashMap<>();
    (fields == null ? Map.<String, String>of() : fields).forEach((k, v) -> {
      if (k.startsWith("cf.") && v != null && !v.isBlank()) {
        kept.put(k, v.strip());
      }
    });
    fields = Collections.unmodifiableMap(kept);
  }

  /** The same with the {@code cf.} parameters among {@code params} (empty ones dropped). */
  BoardFilters withFields(Map<String, String> params) {
    return new BoardFilters(ownerId, search, closeFrom, closeTo, params);
  }

  /** The value of a custom-field filter parameter, or "". */
  public String field(String param) {
    return fields.getOrDefault(param, "");
  }

  /** The filter the use cases take; a malformed value is a 400 on its field. */
  BoardFilter parse() {
    var violations = new ArrayList<FieldViolation>();
    UserId owner = null;
    if (!ownerId.isEmpty()) {
      try {
        owner = new UserId(UUID.fromString(ownerId));
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("ownerId", "is not a member"));
      }
    }
    LocalDate from = date(violations, "closeFrom", closeFrom);
    LocalDate to = date(violations, "closeTo", closeTo);
    if (search.length() > BoardFilter.MAX_SEARCH) {
      violations.add(new FieldViolation("search", "must be at most " + BoardFilter.MAX_SEARCH + " characters"));
    }
    if (from != null && to != null && to.isBefore(from)) {
      violations.add(new FieldViolation("closeTo", "must not be before the start of the range"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new BoardFilter(owner, search.isEmpty() ? null : search, from, to);
  }

  private static @Nullable LocalDate date(List<FieldViolation> violations, String field, String raw) {
    if (raw.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "must be a date such as 2026-12-31"));
      return null;
    }
  }

  /** "?ownerId=…&search=…", or "" without filters; {@code extra} pairs are appended. */
  public String query(String... extra) {
    var b = UriComponentsBuilder.newInstance();
    if (!ownerId.isEmpty()) b.queryParam("ownerId", ownerId);
    if (!search.isEmpty()) b.queryParam("search", search);
    if (!closeFrom.isEmpty()) b.queryParam("closeFrom", closeFrom);
    if (!closeTo.isEmpty()) b.queryParam("closeTo", closeTo);
    fields.forEach(b::queryParam);
    for (int i = 0; i + 1 < extra.length; i += 2) {
      b.queryParam(extra[i], extra[i + 1]);
    }
    return b.build().encode().toUriString();
  }

  public boolean any() {
    return !ownerId.isEmpty() || !search.isEmpty() || !closeFrom.isEmpty() || !closeTo.isEmpty() || !fields.isEmpty();
  }
}
