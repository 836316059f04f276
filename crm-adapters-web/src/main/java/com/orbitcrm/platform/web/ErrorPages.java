package com.orbitcrm.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/** The friendly error page: what happened in words, and a way back. */
final class ErrorPages {
  private ErrorPages() {}

  static String render(Model model, HttpServletResponse response, HttpStatus status, @Nullable String detail) {
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    model.addAttribute("errorTitle", switch (status) {
      case NOT_FOUND -> "We couldn't find that";
      case FORBIDDEN -> "You don't have access to this";
      case UNAUTHORIZED -> "Please sign in";
      case CONFLICT -> "That clashes with a recent change";
      case BAD_REQUEST -> "That request didn't look right";
      default -> status.is5xxServerError() ? "Something went wrong on our side" : status.getReasonPhrase();
    });
    model.addAttribute("detail", detail != null && !detail.isBlank() && !status.is5xxServerError()
        ? detail
        : status.is5xxServerError() ? "The error has been logged. Please try again in a moment." : null);
    return "error";
  }
}
