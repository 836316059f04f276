package com.orbitcrm.platform.web;

import com.orbitcrm.platform.FieldViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 answers of the API. Every problem carries {@code error} (the message, for clients of the
 * original spec) and, for rejected input, {@code errors}: one {@code {field, message}} per field.
 */
public final class Problems {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Problems() {}

  public static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }

  public static ProblemDetail of(HttpStatus status, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    problem.setProperty("error", detail);
    return problem;
  }

  public static ProblemDetail invalid(List<FieldViolation> violations) {
    String detail = violations.size() == 1
        ? violations.getFirst().field() + " " + violations.getFirst().message()
        : "The request has " + violations.size() + " invalid fields";
    var problem = of(HttpStatus.BAD_REQUEST, detail);
    problem.setType(URI.create("https://orbitcrm.dev/problems/invalid-input"));
    problem.setProperty("errors", violations.stream()
        .map(v -> Map.of("field", v.field(), "message", v.message()))
        .toList());
    return problem;
  }

  /** Writes a problem straight to the response, for the security filters that run before MVC. */
  public static void write(HttpServletResponse response, HttpStatus status, String detail,
                           @Nullable HttpServletRequest request) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    if (request != null) {
      body.put("instance", request.getRequestURI());
    }
    body.put("error", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
