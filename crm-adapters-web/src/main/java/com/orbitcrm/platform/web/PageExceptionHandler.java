package com.orbitcrm.platform.web;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Failures of a page that its controller did not turn into a form error: the status and message go to
 * the container's error dispatch, so that {@link OrbitErrorController} renders the friendly page inside
 * the usual frame. (Forms catch {@link InvalidInputException} themselves and show it next to the field.)
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

  @ExceptionHandler(NotFoundException.class)
  void notFound(NotFoundException e, HttpServletResponse response) throws IOException {
    response.sendError(HttpStatus.NOT_FOUND.value(), e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  void forbidden(ForbiddenException e, HttpServletResponse response) throws IOException {
    response.sendError(HttpStatus.FORBIDDEN.value(), e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  void conflict(ConflictException e, HttpServletResponse response) throws IOException {
    response.sendError(HttpStatus.CONFLICT.value(), e.getMessage());
  }

  @ExceptionHandler(InvalidInputException.class)
  void invalid(InvalidInputException e, HttpServletResponse response) throws IOException {
    response.sendError(HttpStatus.BAD_REQUEST.value(), e.getMessage());
  }
}
