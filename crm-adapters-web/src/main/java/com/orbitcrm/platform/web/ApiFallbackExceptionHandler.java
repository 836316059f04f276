package com.orbitcrm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's errors that happen before a controller is chosen — a method, a content type or an accepted type
 * no operation of that path has — as problem+json with {@code error}, like every other API error.
 * ({@link ApiExceptionHandler} only sees errors of a chosen controller.) Page requests are left to the
 * error page.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
class ApiFallbackExceptionHandler {

  @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
      HttpMediaTypeNotAcceptableException.class})
  ResponseEntity<ProblemDetail> beforeAController(Exception e, HttpServletRequest request) throws Exception {
    if (!Problems.isApi(request) || !(e instanceof ErrorResponse error)) {
      throw e;
    }
    HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
    String detail = error.getBody().getDetail() == null ? status.getReasonPhrase() : error.getBody().getDetail();
    return ResponseEntity.status(status).headers(error.getHeaders())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(status, detail));
  }
}
