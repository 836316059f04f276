package com.orbitcrm.integrations.schedule;

import com.orbitcrm.integrations.DeliveryAttempt;
import com.orbitcrm.integrations.WebhookUrl;
import com.orbitcrm.integrations.app.WebhookSender;
import com.orbitcrm.integrations.port.WebhookTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Deliveries over the JDK's HTTP client: redirects never followed (a 3xx is a failed attempt, so a redirect cannot
 * lead to an address the destination rule refuses), 5 s to connect, {@link WebhookSender#TIMEOUT} in all, and only
 * the start of the answer read.
 */
@Component
class JdkWebhookTransport implements WebhookTransport {

  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    return List.of(InetAddress.getAllByName(host));
  }

  @Override
  public Answer post(WebhookUrl url, Map<String, String> headers, String body) {
    long start = System.nanoTime();
    try {
      var request = HttpRequest.newBuilder(url.uri())
          .timeout(WebhookSender.TIMEOUT)
          .header("Content-Type", "application/json")
          .header("User-Agent", "OrbitCRM-Webhooks/1");
      headers.forEach(request::header);
      HttpResponse<InputStream> response = http.send(
          request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      String excerpt;
      try (InputStream in = response.body()) {
        excerpt = new String(in.readNBytes(DeliveryAttempt.EXCERPT * 4), StandardCharsets.UTF_8);
      }
      return new Answer(response.statusCode(), Duration.ofNanos(System.nanoTime() - start), excerpt, null);
    } catch (HttpTimeoutException e) {
      return new Answer(null, Duration.ofNanos(System.nanoTime() - start), null, "No answer within "
          + WebhookSender.TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      return new Answer(null, Duration.ofNanos(System.nanoTime() - start), null,
          "Could not reach the receiver: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(null, Duration.ofNanos(System.nanoTime() - start), null, "Interrupted");
    }
  }
}
