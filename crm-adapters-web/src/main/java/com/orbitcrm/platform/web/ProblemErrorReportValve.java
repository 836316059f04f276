package com.orbitcrm.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers — for requests it refuses before the application sees them (a malformed
 * escape in the path, characters a URL may not hold, a request line over the size limit) — as
 * problem+json with {@code error} on the API's paths, instead of Tomcat's HTML page; pages keep Tomcat's.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
    if (status < 400 || response.isCommitted() || !(uri.equals("/api") || uri.startsWith("/api/"))) {
      super.report(request, response, throwable);
      return;
    }
    String written = response.getContentType();
    if (response.getContentWritten() > 0 || (written != null && written.contains("json"))) {
      return; // the application already answered (e.g. security's problem+json 401): keep its answer
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String detail = status == 400 ? "The request's address is not valid (a malformed or forbidden character, or too long)"
        : title;
    try {
      response.resetBuffer();
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      var writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
            + ",\"detail\":\"" + detail + "\",\"error\":\"" + detail + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the answer was already written: nothing more to say.
    }
  }
}
