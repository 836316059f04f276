package com.orbitcrm.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the servlet container sends every error nobody handled (unknown paths, security refusals,
 * crashes): problem+json under {@code /api}, the friendly page everywhere else.
 */
@Controller
class OrbitErrorController implements ErrorController {

  @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
  String page(HttpServletRequest request, HttpServletResponse response, Model model) {
    if (isApi(request)) {
      return "forward:/error/problem";
    }
    HttpStatus status = status(request);
    String detail = status == HttpStatus.NOT_FOUND
        ? "There is no page at this address, or what it showed is not in this workspace."
        : message(request);
    return ErrorPages.render(model, response, status, detail);
  }

  @RequestMapping(path = {"/error", "/error/problem"})
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    HttpStatus status = status(request);
    String message = message(request);
    String detail = message == null || message.isBlank() || status.is5xxServerError()
        || status == HttpStatus.NOT_FOUND
        ? switch (status) {
            case NOT_FOUND -> "No such endpoint: " + original(request);
            case METHOD_NOT_ALLOWED -> "Method not allowed here";
            default -> status.is5xxServerError() ? "Something went wrong on our side; it has been logged"
                : status.getReasonPhrase();
          }
        : message;
    var problem = Problems.of(status, detail);
    problem.setInstance(java.net.URI.create(original(request)));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static boolean isApi(HttpServletRequest request) {
    return original(request).startsWith("/api/") || original(request).equals("/api");
  }

  private static String original(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri == null ? request.getRequestURI() : uri.toString();
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  private static @Nullable String message(HttpServletRequest request) {
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    return message == null ? null : message.toString();
  }
}
