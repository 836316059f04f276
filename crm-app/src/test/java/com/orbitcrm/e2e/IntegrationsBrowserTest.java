package com.orbitcrm.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.orbitcrm.Api;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Settings → Integrations as an admin uses it: register an endpoint (a receiver on 127.0.0.1), see its secret
 * once, then see a delivery of a new client arrive on the page (the deliveries refresh by themselves).
 */
@TestPropertySource(properties = {"orbit.webhooks.allow-private-networks=true", "orbit.webhooks.retry-delays=1s,1s",
    "orbit.webhooks.poll-interval=200ms"})
class IntegrationsBrowserTest extends BrowserTest {

  @Test
  void registerSeeTheSecretOnceAndSeeADelivery() throws Exception {
    var received = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/orbit", exchange -> {
      exchange.getRequestBody().readAllBytes();
      received.incrementAndGet();
      byte[] ok = "received".getBytes();
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
    });
    receiver.start();
    try {
      var anonymous = new Api(port);
      var account = anonymous.signUp("Hooks UI " + UUID.randomUUID());
      var api = anonymous.bearer(anonymous.tokenFor(account));
      signIn(account.email(), account.password());

      page.navigate("/settings");
      page.navigate("/settings/integrations");
      assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
          .setName("Integrations"))).hasClass(java.util.regex.Pattern.compile("active"));
      assertThat(page.getByText("No endpoints yet")).isVisible();

      // A form error first: no event chosen.
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/orbit";
      page.getByLabel("URL").fill(url);
      page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
          .setName("Register endpoint")).click();
      assertThat(page.locator("[data-error-for=eventTypes]")).containsText("at least one");

      page.getByLabel("client.created").check();
      page.getByLabel("Description").fill("Warehouse sync");
      page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
          .setName("Register endpoint")).click();
      var secretCard = page.getByTestId("new-webhook-secret");
      assertThat(secretCard).isVisible();
      String secret = page.getByLabel("Signing secret").inputValue();
      assertThat(secret).startsWith("whsec_");
      var endpoint = page.locator("[data-testid=webhook-endpoint]");
      assertThat(endpoint).hasCount(1);
      assertThat(endpoint).containsText(url);
      assertThat(endpoint).containsText("Warehouse sync");
      screenshot("70-integrations-secret");

      // Shown once: not on the page any more.
      page.navigate("/settings/integrations");
      assertThat(page.getByTestId("new-webhook-secret")).hasCount(0);
      assertThat(page.content()).doesNotContain(secret);
      assertThat(endpoint.getByTestId("endpoint-status")).hasText("On");

      assertThat(api.post("/api/clients", "{\"name\": \"Seen By Hook\"}").status()).isEqualTo(201);
      var row = page.locator("tr[data-event-type='client.created']");
      assertThat(row).hasAttribute("data-delivery-status", "succeeded",
          new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
      assertThat(row).containsText("Delivered");
      assertThat(row).containsText("200");
      assertThat(received.get()).isEqualTo(1);
      screenshot("71-integrations-delivery");
    } finally {
      receiver.stop(0);
    }
  }
}
