package com.orbitcrm.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, query and form parameters that are not text ({@link InputText}):
 * a 400 naming the parameter — problem+json for the API, the error page for pages — instead of a query
 * that fails in the database. Runs before the security filters, which read the sign-in form.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestTextFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> problem = problem(request);
    if (problem.isEmpty()) {
      chain.doFilter(request, response);
    } else if (Problems.isApi(request)) {
      Problems.write(response, HttpStatus.BAD_REQUEST, problem.get(), request);
    } else {
      response.sendError(HttpStatus.BAD_REQUEST.value(), problem.get());
    }
  }

  private static Optional<String> problem(HttpServletRequest request) {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      Optional<String> inName = InputText.problem(parameter.getKey());
      if (inName.isPresent()) {
        return Optional.of("A parameter's name " + inName.get());
      }
      for (String value : parameter.getValue()) {
        Optional<String> inValue = InputText.problem(value);
        if (inValue.isPresent()) {
          return Optional.of("'" + parameter.getKey() + "' " + inValue.get());
        }
      }
    }
    return Optional.empty();
  }
}
