package com.orbitcrm.integrations.app;

import com.orbitcrm.integrations.Destinations;
import com.orbitcrm.integrations.WebhookUrl;
import com.orbitcrm.integrations.port.WebhookTransport;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Resolves a destination's name now and applies {@link Destinations} to every address it gives. */
@Component
public class DestinationCheck {

  private final WebhookTransport transport;
  private final Destinations destinations;

  DestinationCheck(WebhookTransport transport, Destinations destinations) {
    this.transport = transport;
    this.destinations = destinations;
  }

  /** Why the URL may not be called now, or empty. */
  public Optional<String> refusal(WebhookUrl url) {
    try {
      return destinations.refusal(transport.resolve(url.host()))
          .map(r -> "the host " + url.host() + " is " + r + ", which webhooks may not call");
    } catch (UnknownHostException e) {
      return Optional.of("the host " + url.host() + " does not resolve");
    }
  }
}
