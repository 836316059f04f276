package com.orbitcrm.platform.web;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every failure of a JSON endpoint into RFC 9457 problem+json; never a stack trace. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler
  ProblemDetail invalid(InvalidInputException e) {
    return Problems.invalid(e.violations());
  }

  /** An atomic batch with refused items: 400, nothing written, every item's result. */
  @ExceptionHandler
  ProblemDetail batchRefused(com.orbitcrm.platform.BatchRefused e) {
    var problem = Problems.of(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(java.net.URI.create("https://orbitcrm.dev/problems/batch-refused"));
    problem.setProperty("results", e.results().stream().map(BatchJson::result).toList());
    problem.setProperty("errors", e.results().stream().filter(r -> !r.ok())
        .flatMap(r -> r.errors().stream().map(v -> java.util.Map.of("index", r.index(), "field", v.field(),
            "message", v.message())))
        .toList());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail conflict(ConflictException e) {
    return Problems.of(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail stale(OptimisticLockingFailureException e) {
    return Problems.of(HttpStatus.CONFLICT, "Someone else changed this record: reload it and try again");
  }

  @ExceptionHandler
  ProblemDetail forbidden(ForbiddenException e) {
    return Problems.of(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' has an invalid value");
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
        ? "The request needs a JSON body"
        : "The request body is not valid JSON for this endpoint (check field types and enum values)";
    return handleExceptionInternal(ex, Problems.of(HttpStatus.BAD_REQUEST, detail), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    if (body == null && ex instanceof ErrorResponse error) {
      body = error.getBody(); // Spring's own problem for the exception: it gets the error member too
    }
    if (body instanceof ProblemDetail problem
        && (problem.getProperties() == null || !problem.getProperties().containsKey("error"))) {
      problem.setProperty("error", problem.getDetail() == null ? problem.getTitle() : problem.getDetail());
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }
}
