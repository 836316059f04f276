package com.orbitcrm.clients.web;

import static com.orbitcrm.platform.web.Requests.blank;

import com.orbitcrm.clients.ClientCursor;
import com.orbitcrm.clients.ClientQuery;
import com.orbitcrm.clients.ClientSort;
import com.orbitcrm.clients.ClientStatus;
import com.orbitcrm.customfields.FieldId;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Turns list parameters (of the API or the page) into a {@link ClientQuery}, naming each bad one. */
final class ClientQueries {
  private ClientQueries() {}

  static ClientQuery parse(@Nullable String search, @Nullable String status, @Nullable String industry,
                           @Nullable String ownerId, @Nullable String state, @Nullable String sort,
                           @Nullable String limit, @Nullable String cursor, boolean trashed,
                           Function<String, Optional<FieldId>> sortableFields) {
    List<FieldViolation> violations = new ArrayList<>();
    ClientStatus parsedStatus = null;
    if (blank(status) == null) {
      parsedStatus = null;
    } else {
      parsedStatus = ClientStatus.fromKey(status.strip().toLowerCase(Locale.ROOT)).orElse(null);
      if (parsedStatus == null) {
        violations.add(new FieldViolation("status", "must be one of active, inactive, churned"));
      }
    }
    UserId owner = null;
    if (blank(ownerId) != null) {
      try {
        owner = new UserId(UUID.fromString(ownerId.strip()));
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("ownerId", "is not a user id"));
      }
    }
    ClientSort parsedSort = ClientSort.NAME;
    FieldId sortField = null;
    String cleanSort = blank(sort) == null ? null : sort.strip();
    if (cleanSort != null && (cleanSort.startsWith("cf.") || cleanSort.startsWith("-cf."))) {
      boolean descending = cleanSort.startsWith("-");
      sortField = sortableFields.apply(cleanSort.substring(descending ? 4 : 3)).orElse(null);
      if (sortField == null) {
        violations.add(new FieldViolation("sort", "cf.<name> must name a custom field of clients that is not a "
            + "multiselect"));
      } else {
        parsedSort = descending ? ClientSort.FIELD_DESC : ClientSort.FIELD;
      }
    } else if (cleanSort != null) {
      parsedSort = ClientSort.fromKey(cleanSort).orElse(ClientSort.NAME);
      if (ClientSort.fromKey(cleanSort).isEmpty()) {
        violations.add(new FieldViolation("sort", "must be one of name, createdAt, estimatedMonthlySpend, "
            + "cf.<custom field name>, optionally with a leading - for descending"));
      }
    }
    int parsedLimit = ClientQuery.DEFAULT_LIMIT;
    if (blank(limit) != null) {
      try {
        parsedLimit = Integer.parseInt(limit.strip());
        if (parsedLimit < 1 || parsedLimit > ClientQuery.MAX_LIMIT) {
          violations.add(new FieldViolation("limit", "must be between 1 and " + ClientQuery.MAX_LIMIT));
        }
      } catch (NumberFormatException e) {
        violations.add(new FieldViolation("limit", "must be a whole number"));
      }
    }
    ClientCursor after = null;
    if (blank(cursor) != null) {
      after = ClientCursor.decode(cursor.strip(), parsedSort).orElse(null);
      if (after != null && parsedSort.byField() && !after.field().equals(sortField)) {
        after = null;
      }
      if (after == null) {
        violations.add(new FieldViolation("cursor", "is not a cursor of this list (take it from the Link header)"));
      }
    }
    String cleanSearch = blank(search);
    if (cleanSearch != null && cleanSearch.length() > 200) {
      violations.add(new FieldViolation("search", "must be at most 200 characters"));
    }
    String cleanState = blank(state);
    if (cleanState != null && !cleanState.matches("[A-Za-z]{2}")) {
      violations.add(new FieldViolation("state", "must be two letters"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new ClientQuery(cleanSearch, parsedStatus, blank(industry), owner, cleanState, parsedSort, after,
        parsedLimit, trashed, List.of(), sortField);
  }
}
