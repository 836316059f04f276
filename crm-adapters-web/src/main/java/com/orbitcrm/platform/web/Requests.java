package com.orbitcrm.platform.web;

import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * What the controllers share in reading a request: ids in paths (a malformed one is a 404 like any
 * unknown id), parameters, typed fields of a JSON body (a wrong type is a 400 on that field), the version
 * a change expects ({@code If-Match} or {@code "version"}), and the {@code Link} to a list's next page.
 */
public final class Requests {

  private Requests() {}

  /** A parameter as typed, trimmed; blank is {@literal null}. */
  public static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The id in a path; a malformed one names nothing in this workspace: 404 "{@code what} not found". */
  public static UUID id(String raw, String what) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(what);
    }
  }

  public static void requireObject(JsonNode body) {
    if (!body.isObject()) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
  }

  /** A string field as sent; absent or null is {@literal null}. */
  public static @Nullable String rawText(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw InvalidInputException.of(field, "must be a string");
    }
    return v.asString();
  }

  /** A string field, trimmed; blank is {@literal null}. */
  public static @Nullable String text(JsonNode body, String field) {
    String v = rawText(body, field);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** An ISO date field ({@code 2026-03-31}); absent, null or blank is {@literal null}. */
  public static @Nullable LocalDate date(JsonNode body, String field) {
    String v = text(body, field);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field, "must be a date as YYYY-MM-DD");
    }
  }

  /** An ISO instant field with its offset ({@code 2026-03-31T09:00:00Z}); absent, null or blank is {@literal null}. */
  public static @Nullable Instant instant(JsonNode body, String field) {
    String v = text(body, field);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field, "must be a date and time with its offset, as 2026-03-31T09:00:00Z");
    }
  }

  /** A whole-number field that fits an {@code int}; absent or null is {@literal null}. */
  public static @Nullable Integer integer(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw InvalidInputException.of(field, "must be a whole number");
    }
    return v.asInt();
  }

  /**
   * The version the caller edited: the {@code If-Match} ETag ({@code "3"}, weak or not; {@code *} is
   * none), else the body's {@code version}; {@literal null} when neither is given.
   *
   * @param what the record, for the message ("client", "deal", "note").
   */
  public static @Nullable Integer expectedVersion(@Nullable String ifMatch, JsonNode body, String what) {
    if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
      try {
        return Integer.parseInt(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
      } catch (NumberFormatException e) {
        throw InvalidInputException.of("If-Match", "must be the ETag of the " + what + ", e.g. \"3\"");
      }
    }
    return integer(body, "version");
  }

  /** The version a form was edited at ({@code version}); blank is {@literal null}, not a number is a 400. */
  public static @Nullable Integer version(@Nullable String raw) {
    String v = blank(raw);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("version", "must be a whole number");
    }
  }

  /** {@code <this request with cursor and limit replaced>; rel="next"}, for the {@code Link} header. */
  public static String nextLink(String cursor, int limit) {
    URI next = ServletUriComponentsBuilder.fromCurrentRequest()
        .replaceQueryParam("cursor", cursor)
        .replaceQueryParam("limit", limit)
        .build().toUri();
    return "<" + next + ">; rel=\"next\"";
  }
}
