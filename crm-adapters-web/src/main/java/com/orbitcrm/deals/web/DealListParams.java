package com.orbitcrm.deals.web;

import static com.orbitcrm.platform.web.Requests.blank;

import com.orbitcrm.clients.ClientId;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.platform.CreatedCursor;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.UserId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of a list of deals as typed in a URL (the API's {@code GET /api/crm/deals} and the deals
 * page): each wrong one is named in one 400.
 *
 * @param status {@code open}, {@code won}, {@code lost}, or {@code closed} (won or lost).
 */
record DealListParams(@Nullable String stage, @Nullable String status, @Nullable String ownerId,
                      @Nullable String clientId, @Nullable String search, @Nullable String closeFrom,
                      @Nullable String closeTo, @Nullable String closedFrom, @Nullable String closedTo,
                      @Nullable String limit, @Nullable String cursor, @Nullable String pipelineId) {

  /** The pipeline the filters name ({@literal null}: none named, the default one); a malformed id is a 400. */
  @Nullable PipelineId pipeline() {
    var violations = new ArrayList<FieldViolation>();
    UUID id = uuid(violations, "pipelineId", pipelineId, "is not a pipeline id");
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return id == null ? null : new PipelineId(id);
  }

  /**
   * The query these filters ask for, on {@code pipeline} (the one {@link #pipeline()} names, else the default):
   * the deals of that pipeline when one is named or a stage is asked for (stage keys are a pipeline's own), else
   * of every pipeline.
   */
  DealQuery query(Pipeline pipeline, boolean trashed) {
    var violations = new ArrayList<FieldViolation>();
    String cleanStage = blank(stage);
    if (cleanStage != null && pipeline.stage(cleanStage).isEmpty()) {
      violations.add(new FieldViolation("stage", "must be one of " + String.join(", ", pipeline.keys())));
    }
    StageKind[] kinds = {};
    String cleanStatus = blank(status) == null ? null : status.strip().toLowerCase(Locale.ROOT);
    if ("closed".equals(cleanStatus)) {
      kinds = new StageKind[] {StageKind.WON, StageKind.LOST};
    } else if (cleanStatus != null) {
      var kind = StageKind.fromKey(cleanStatus);
      if (kind.isEmpty()) {
        violations.add(new FieldViolation("status", "must be one of open, won, lost, closed"));
      } else {
        kinds = new StageKind[] {kind.get()};
      }
    }
    UserId owner = uuid(violations, "ownerId", ownerId, "is not a user id") instanceof UUID u ? new UserId(u) : null;
    ClientId client = uuid(violations, "clientId", clientId, "is not a client id") instanceof UUID u
        ? new ClientId(u) : null;
    LocalDate expectedFrom = date(violations, "closeFrom", closeFrom);
    LocalDate expectedTo = date(violations, "closeTo", closeTo);
    LocalDate from = date(violations, "closedFrom", closedFrom);
    LocalDate to = date(violations, "closedTo", closedTo);
    int size = DealQuery.DEFAULT_LIMIT;
    if (blank(limit) != null) {
      try {
        size = Integer.parseInt(limit.strip());
        if (size < 1 || size > DealQuery.MAX_LIMIT) {
          violations.add(new FieldViolation("limit", "must be between 1 and " + DealQuery.MAX_LIMIT));
        }
      } catch (NumberFormatException e) {
        violations.add(new FieldViolation("limit", "must be a whole number"));
      }
    }
    CreatedCursor after = null;
    if (blank(cursor) != null) {
      after = CreatedCursor.decode(cursor.strip()).orElse(null);
      if (after == null) {
        violations.add(new FieldViolation("cursor", "is not a cursor of this list (take it from the Link header)"));
      }
    }
    String cleanSearch = blank(search);
    if (cleanSearch != null && cleanSearch.length() > 200) {
      violations.add(new FieldViolation("search", "must be at most 200 characters"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    var query = DealQuery.newest(size).inStage(cleanStage).withStatus(kinds).ownedBy(owner).ofClient(client)
        .matching(cleanSearch).expectedBetween(expectedFrom, expectedTo).closedBetween(from, to).after(after)
        .inPipeline(blank(pipelineId) != null || cleanStage != null ? pipeline.id() : null);
    return trashed ? query.inTrash() : query;
  }

  /** "?status=won&…", the filters again (without the cursor), for links and the next page. */
  public String queryString(String... extra) {
    var b = UriComponentsBuilder.newInstance();
    add(b, "stage", stage);
    add(b, "status", status);
    add(b, "ownerId", ownerId);
    add(b, "clientId", clientId);
    add(b, "search", search);
    add(b, "closeFrom", closeFrom);
    add(b, "closeTo", closeTo);
    add(b, "closedFrom", closedFrom);
    add(b, "closedTo", closedTo);
    add(b, "pipelineId", pipelineId);
    for (int i = 0; i + 1 < extra.length; i += 2) {
      b.queryParam(extra[i], extra[i + 1]);
    }
    return b.build().encode().toUriString();
  }

  public boolean any() {
    return List.of(n(stage), n(status), n(ownerId), n(clientId), n(search), n(closeFrom), n(closeTo), n(closedFrom),
        n(closedTo), n(pipelineId)).stream().anyMatch(v -> !v.isEmpty());
  }

  private static String n(@Nullable String v) {
    return v == null ? "" : v.strip();
  }

  private static void add(UriComponentsBuilder b, String name, @Nullable String value) {
    if (blank(value) != null) {
      b.queryParam(name, value.strip());
    }
  }

  private static @Nullable UUID uuid(List<FieldViolation> violations, String field, @Nullable String raw,
                                     String message) {
    if (blank(raw) == null) {
      return null;
    }
    try {
      return UUID.fromString(raw.strip());
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation(field, message));
      return null;
    }
  }

  private static @Nullable LocalDate date(List<FieldViolation> violations, String field, @Nullable String raw) {
    if (blank(raw) == null) {
      return null;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "must be a date such as 2026-12-31"));
      return null;
    }
  }
}
