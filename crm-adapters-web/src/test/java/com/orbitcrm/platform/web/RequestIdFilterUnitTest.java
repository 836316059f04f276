package com.orbitcrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterUnitTest {

  private final RequestIdFilter filter = new RequestIdFilter();

  @Test
  void aClientThatWentAwayMidAnswerIsNotAnError() throws Exception {
    var response = new MockHttpServletResponse();
    // What Tomcat throws when the browser or load tool closed the connection while the page was being written.
    filter.doFilter(new MockHttpServletRequest("GET", "/pipeline"), response, (req, res) -> {
      throw new IOException("Broken pipe");
    });
    assertThat(response.getHeader(RequestIdFilter.HEADER)).isNotBlank();
  }

  @Test
  void anyOtherFailureStillFails() {
    assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/pipeline"),
        new MockHttpServletResponse(), (req, res) -> {
          throw new IOException("Disk full");
        })).isInstanceOf(IOException.class).hasMessage("Disk full");
    assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/pipeline"),
        new MockHttpServletResponse(), (req, res) -> {
          throw new IllegalStateException("A bug");
        })).isInstanceOf(IllegalStateException.class);
  }
}
