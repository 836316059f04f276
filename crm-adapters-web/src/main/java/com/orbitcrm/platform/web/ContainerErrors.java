package com.orbitcrm.platform.web;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's error page writer once the embedded server runs
 * (the host makes its own when it starts, so it is swapped afterwards).
 */
@Component
class ContainerErrors implements ApplicationListener<WebServerInitializedEvent> {

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (!(event.getWebServer() instanceof TomcatWebServer tomcat)) {
      return;
    }
    var pipeline = tomcat.getTomcat().getHost().getPipeline();
    for (Valve valve : pipeline.getValves()) {
      if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
        pipeline.removeValve(valve);
      }
    }
    if (java.util.Arrays.stream(pipeline.getValves()).noneMatch(v -> v instanceof ProblemErrorReportValve)) {
      var valve = new ProblemErrorReportValve();
      valve.setShowReport(false);
      valve.setShowServerInfo(false);
      pipeline.addValve(valve);
    }
  }
}
